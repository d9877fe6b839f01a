import { Module, Scope } from '@nestjs/common';
import { extraProviders } from './extra.providers';
import { ChatStore, createStore, OrdersRepository, UsersRepository } from './store';

@Module({
  providers: [
    ...extraProviders,
    ChatStore,
    UsersRepository,
    OrdersRepository,
    { provide: 'AUDIT_STORE', useClass: createStore('audit'), scope: Scope.REQUEST },
  ],
})
export class AppModule {}
