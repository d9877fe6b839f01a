import { OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import { Socket } from 'socket.io';

// one gateway class per namespace, built by a factory function
export function createNamespaceGateway(namespace: string) {
  @WebSocketGateway({ namespace })
  class NamespaceGateway implements OnGatewayConnection {
    private members = new Map<string, Socket>(); // want "NamespaceGateway.members is a Map in a singleton that grows per request"

    handleConnection(client: Socket) {
      this.members.set(client.id, client);
    }
  }
  return NamespaceGateway;
}
