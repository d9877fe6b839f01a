import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { MailerService } from './mailer.service';

@Injectable()
export class OrderListener {
  constructor(private readonly mailer: MailerService) {}

  @OnEvent('order.created')
  handleCreated(event: { email: string }) {
    this.mailer.send(event.email, 'order-created'); // want "error: the promise of `MailerService\\.send` is not awaited in an event handler; if it rejects, the process crashes"
  }
}
