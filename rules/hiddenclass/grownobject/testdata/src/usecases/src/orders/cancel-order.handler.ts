import { CommandHandler, ICommandHandler, EventsHandler, IEventHandler } from '@nestjs/cqrs';

export class CancelOrderCommand {
  constructor(readonly orderId: string, readonly reason?: string) {}
}

export class OrderCancelledEvent {
  constructor(readonly orderId: string) {}
}

// A use case behind the command bus: the bus calls execute() per command.
@CommandHandler(CancelOrderCommand)
export class CancelOrderHandler implements ICommandHandler<CancelOrderCommand> {
  async execute(command: CancelOrderCommand) {
    const change: Record<string, unknown> = {};
    change.status = 'cancelled';
    const audit: any = { orderId: command.orderId }; // want "warning: literal `audit` later gets `reason` and `at`, each a new hidden class on the request path; put every property in the literal"
    if (command.reason) audit.reason = command.reason;
    audit.at = new Date();
    return { change, audit };
  }
}

@EventsHandler(OrderCancelledEvent)
export class OrderCancelledHandler implements IEventHandler<OrderCancelledEvent> {
  handle(event: OrderCancelledEvent) {
    const mail: any = {}; // want "warning: literal `mail` later gets `to`, a new hidden class on the request path; put every property in the literal"
    mail.to = event.orderId;
    return mail;
  }
}
