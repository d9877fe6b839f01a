import { Module } from '@nestjs/common';
import { AUDIT, createAuditStore } from './audit.store';
import { AuthController } from './auth.controller';
import { ChatGateway, PresenceGateway, RoomsGateway } from './chat.gateway';
import { UsersRepository } from './cached.repository';
import { createNamespaceGateway } from './namespace.gateway';
import { RateLimitService } from './rate-limit.service';
import { UsersController } from './users.controller';

@Module({
  controllers: [AuthController, UsersController],
  providers: [ChatGateway, PresenceGateway, RoomsGateway, RateLimitService, UsersRepository, createNamespaceGateway('rooms'), { provide: AUDIT, useClass: createAuditStore('http') }],
})
export class AppModule {}
