import { Module, Scope } from '@nestjs/common';
import { extraProviders } from './extra.providers';
import { createRedisProvider } from './redis.provider';
import { ChatStore, createStore, OrdersRepository, UsersRepository } from './store';

@Module({
  providers: [
    ...extraProviders,
    createRedisProvider(),
    ChatStore,
    UsersRepository,
    OrdersRepository,
    { provide: 'AUDIT_STORE', useClass: createStore('audit'), scope: Scope.REQUEST },
  ],
})
export class AppModule {}
