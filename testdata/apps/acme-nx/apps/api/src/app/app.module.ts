import { Module } from '@nestjs/common';
import { DataAccessModule } from '@acme-nx/data-access';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';

@Module({
  imports: [DataAccessModule],
  controllers: [OrdersController],
  providers: [OrdersService],
})
export class AppModule {}
