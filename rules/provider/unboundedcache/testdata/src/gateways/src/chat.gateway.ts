import { Logger, OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  OnGatewayConnection,
  OnGatewayDisconnect,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { Socket } from 'socket.io';

@WebSocketGateway({ namespace: 'chat' })
export class ChatGateway implements OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(ChatGateway.name);
  private sockets = new Map<string, Socket>(); // want "warning: `ChatGateway\\.sockets`, a Map in a singleton, grows per request \\(`set`\\) and is never pruned, so memory only grows; use an LRU or a TTL"
  private connected: string[] = []; // want "warning: `ChatGateway\\.connected`, an array in a singleton, grows per request \\(`push`\\) and is never pruned, so memory only grows; use an LRU or a TTL"

  handleConnection(client: Socket) {
    this.sockets.set(client.id, client);
    this.connected.push(client.id);
  }

  handleDisconnect(client: Socket) {
    this.logger.log(`disconnected ${client.id}`);
  }

  // only at shutdown: the map still grows for as long as the app runs
  onModuleDestroy() {
    this.sockets.clear();
    this.connected = [];
  }
}

@WebSocketGateway({ namespace: 'presence' })
export class PresenceGateway implements OnGatewayConnection, OnGatewayDisconnect {
  private online = new Map<string, string>();

  handleConnection(client: Socket) {
    this.online.set(client.id, client.handshake.auth.userId);
  }

  handleDisconnect(client: Socket) {
    this.online.delete(client.id);
  }
}

@WebSocketGateway({ namespace: 'rooms' })
export class RoomsGateway implements OnGatewayConnection {
  private members = new Map<string, string>(); // want "warning: `RoomsGateway\\.members`, a Map in a singleton, grows per request \\(`set`\\) and is never pruned, so memory only grows; use an LRU or a TTL"
  private typing = new Map<string, boolean>();

  handleConnection(client: Socket) {
    this.members.set(client.id, client.handshake.query.room as string);
    this.typing.set(client.id, false);
    // removed when the socket goes away
    client.on('disconnect', () => this.typing.delete(client.id));
  }

  // only a client that says goodbye is removed
  @SubscribeMessage('leave')
  leave(@ConnectedSocket() client: Socket) {
    this.members.delete(client.id);
  }
}
