import { MessageBody, SubscribeMessage, WebSocketGateway } from '@nestjs/websockets';
import { online, grows } from '../state/presence';

@WebSocketGateway()
export class PresenceGateway {
  @SubscribeMessage('join')
  join(@MessageBody() user: string) {
    online.set(user, Date.now());
    grows.set(user, Date.now()); // never pruned: provider/unbounded-cache reports it, not this rule
    return online.size;
  }

  @SubscribeMessage('leave')
  leave(@MessageBody() user: string) {
    online.delete(user);
  }
}
