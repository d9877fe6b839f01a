import { SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { TenantDbService } from '../tenancy/tenant-db.service';

@WebSocketGateway()
export class ChatGateway { // want "error: gateway `ChatGateway` is request-scoped \\(through `TenantContext`\\), but a gateway holds a socket server and must be a singleton"
  constructor(private readonly db: TenantDbService) {}

  @SubscribeMessage('hello')
  hello() {
    return this.db.schema();
  }
}
