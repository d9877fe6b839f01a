import { Module, Scope } from '@nestjs/common';
import { ChatStore, createStore, OrdersRepository, UsersRepository } from './store';

@Module({
  providers: [
    ChatStore,
    UsersRepository,
    OrdersRepository,
    { provide: 'AUDIT_STORE', useClass: createStore('audit'), scope: Scope.REQUEST },
  ],
})
export class AppModule {}
