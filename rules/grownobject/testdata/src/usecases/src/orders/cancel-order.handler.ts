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
    const audit: any = { orderId: command.orderId }; // want "warning: object audit is created as a literal in CancelOrderHandler\\.execute and then given new properties reason, at, each one a new hidden class on the request path; create it as one literal with all properties \\(undefined for values not known yet\\)"
    if (command.reason) audit.reason = command.reason;
    audit.at = new Date();
    return { change, audit };
  }
}

@EventsHandler(OrderCancelledEvent)
export class OrderCancelledHandler implements IEventHandler<OrderCancelledEvent> {
  handle(event: OrderCancelledEvent) {
    const mail: any = {}; // want "warning: object mail is created as a literal in OrderCancelledHandler\\.handle and then given new properties to, each one a new hidden class on the request path; create it as one literal with all properties \\(undefined for values not known yet\\)"
    mail.to = event.orderId;
    return mail;
  }
}
