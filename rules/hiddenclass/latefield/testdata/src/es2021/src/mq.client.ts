import { Injectable, Logger } from '@nestjs/common';
import * as amqp from 'amqplib';

@Injectable()
export class MqClient {
  private readonly logger = new Logger(MqClient.name);
  private channel: amqp.Channel; // want "warning: field `channel` is first set in a `\\.then` callback in the constructor, and with `target: ES2021` in `tsconfig\\.json` instances change shape"
  private connection: amqp.Connection; // want "warning: field `connection` is first set in `connect` after an `await` \\(the constructor starts it\\), and with `target: ES2021` in `tsconfig\\.json` instances change shape"
  private lastError: Error; // want "warning: field `lastError` is first set in a `\\.catch` callback in the constructor's `connect\\(\\)`, and with `target: ES2021` in `tsconfig\\.json` instances change shape"
  private closed: boolean;
  private status: string;
  private handlers: number;
  private pending: number;
  private version: string; // want "warning: field `version` is first set in an async callback after an `await`, in the constructor, and with `target: ES2021` in `tsconfig\\.json` instances change shape"

  constructor(private readonly url: string) {
    this.closed = false;
    amqp
      .connect(url)
      .then((conn) => conn.createChannel())
      .then((ch) => (this.channel = ch));
    void this.connect();
    ['orders', 'payments'].forEach(() => {
      this.handlers = 0; // a synchronous callback: during construction
    });
    new Promise<void>((resolve) => {
      this.pending = 0; // a Promise executor runs synchronously
      resolve();
    });
    void (async () => {
      const info = await amqp.connect(url);
      this.version = String(info);
    })();
  }

  private async connect() {
    this.status = 'connecting'; // before the first await: during construction
    try {
      const conn = await amqp.connect(this.url);
      this.connection = conn;
      this.closed = false;
    } catch (err) {
      this.logger.error(err);
    }
    this.connection.on('error', () => undefined);
    amqp.connect(this.url).catch((e: Error) => {
      this.lastError = e;
    });
  }
}
