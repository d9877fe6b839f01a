import { SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { TenantDbService } from '../tenancy/tenant-db.service';

@WebSocketGateway()
export class ChatGateway { // want "error: gateway ChatGateway is request-scoped \\(ChatGateway -> TenantDbService"
  constructor(private readonly db: TenantDbService) {}

  @SubscribeMessage('hello')
  hello() {
    return this.db.schema();
  }
}
