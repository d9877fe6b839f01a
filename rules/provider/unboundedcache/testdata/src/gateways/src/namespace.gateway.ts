import { OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import { Socket } from 'socket.io';

// one gateway class per namespace, built by a factory function
export function createNamespaceGateway(namespace: string) {
  @WebSocketGateway({ namespace })
  class NamespaceGateway implements OnGatewayConnection {
    private members = new Map<string, Socket>(); // want "warning: `NamespaceGateway\\.members`, a Map in a singleton, grows per request \\(`set`\\) and is never pruned, so memory only grows; use an LRU or a TTL"

    handleConnection(client: Socket) {
      this.members.set(client.id, client);
    }
  }
  return NamespaceGateway;
}
