import { Body, Controller, Param, Patch } from '@nestjs/common';
import { UpdateOrderInput, UpdateOrderUseCase } from './update-order.usecase';

@Controller('orders')
export class OrdersController {
  constructor(private readonly updateOrder: UpdateOrderUseCase) {}

  @Patch(':id')
  update(@Param('id') id: string, @Body() body: UpdateOrderInput) {
    return this.updateOrder.execute(id, body);
  }
}
