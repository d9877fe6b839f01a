import { Injectable, Logger } from '@nestjs/common';
import * as amqp from 'amqplib';

@Injectable()
export class MqClient {
  private readonly logger = new Logger(MqClient.name);
  private channel: amqp.Channel; // want "warning: field channel of MqClient is declared without an initializer and first assigned in a .then callback in the constructor \\(line 21\\), after construction"
  private connection: amqp.Connection; // want "warning: field connection of MqClient .* first assigned in connect after an await \\(the constructor starts it\\) \\(line 40\\)"
  private lastError: Error; // want "first assigned in a .catch callback in connect\\(\\), which the constructor starts"
  private closed: boolean;
  private status: string;
  private handlers: number;
  private pending: number;
  private version: string; // want "first assigned in an async callback after an await, in the constructor"

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
