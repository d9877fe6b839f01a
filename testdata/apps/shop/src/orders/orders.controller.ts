import {
  Body,
  Controller,
  Get,
  Header,
  Param,
  ParseUUIDPipe,
  Post,
  StreamableFile,
  UseGuards,
} from '@nestjs/common';
import { AuthUser } from '../auth/auth-user.interface';
import { CurrentUser } from '../auth/current-user.decorator';
import { JwtAuthGuard } from '../auth/jwt-auth.guard';
import { CreateOrderDto } from './dto/create-order.dto';
import { Order } from './entities/order.entity';
import { OrdersService } from './orders.service';

@Controller('orders')
@UseGuards(JwtAuthGuard)
export class OrdersController {
  constructor(private readonly ordersService: OrdersService) {}

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<Order[]> {
    return this.ordersService.findForCustomer(user.id);
  }

  @Get(':id')
  findOne(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<Order> {
    return this.ordersService.findOne(id, user.id);
  }

  @Get(':id/invoice')
  @Header('Content-Type', 'application/pdf')
  @Header('Content-Disposition', 'attachment; filename="invoice.pdf"')
  async invoice(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<StreamableFile> {
    const pdf = await this.ordersService.invoicePdf(id, user.id);
    return new StreamableFile(pdf);
  }

  @Post(':id/cancel')
  cancel(@Param('id', ParseUUIDPipe) id: string, @CurrentUser() user: AuthUser): Promise<Order> {
    return this.ordersService.cancel(id, user.id);
  }

  @Post()
  place(@CurrentUser() user: AuthUser, @Body() dto: CreateOrderDto): Promise<Order> {
    return this.ordersService.place(user, dto);
  }
}
