import { MessageBody, OnGatewayConnection, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Controller } from '@nestjs/common';

@WebSocketGateway()
export class ChatGateway implements OnGatewayConnection {
  handleConnection(client: unknown) {
    return client;
  }

  @SubscribeMessage('message')
  onMessage(@MessageBody() body: string) {
    return body;
  }
}

@Controller()
export class MathController {
  @MessagePattern({ cmd: 'sum' })
  sum(@Payload() data: number[]) {
    return data.reduce((a, b) => a + b, 0);
  }
}
