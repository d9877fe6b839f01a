import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuthUser } from '@app/auth/auth-user.interface';
import { CatalogService } from '@app/catalog/catalog.service';
import { Product } from '@app/catalog/entities/product.entity';
import { PdfRenderer } from '@app/common/pdf/pdf.renderer';
import { CreateOrderDto } from './dto/create-order.dto';
import { Order, OrderLine, OrderStatus } from './entities/order.entity';

@Injectable()
export class OrdersService {
  constructor(
    @InjectRepository(Order) private readonly orders: Repository<Order>,
    private readonly catalog: CatalogService,
    private readonly pdf: PdfRenderer,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async place(customer: AuthUser, dto: CreateOrderDto): Promise<Order> {
    const lines: OrderLine[] = [];
    let totalCents = 0;
    for (const line of dto.lines) {
      const product = await this.catalog.findBySku(line.sku);
      if (product.stock < line.quantity) {
        throw new BadRequestException(`not enough stock for ${line.sku}`);
      }
      totalCents += product.priceCents * line.quantity;
      lines.push({ sku: product.sku, name: product.name, quantity: line.quantity, unitPriceCents: product.priceCents });
    }
    const order = this.orders.create({ customer: { id: customer.id }, lines, totalCents, status: OrderStatus.Pending });
    return this.orders.save(order);
  }

  findForCustomer(customerId: string): Promise<Order[]> {
    return this.orders.find({ where: { customer: { id: customerId } }, order: { createdAt: 'DESC' }, take: 50 });
  }

  async findOne(id: string, customerId: string): Promise<Order> {
    const order = await this.orders.findOne({ where: { id, customer: { id: customerId } } });
    if (!order) {
      throw new NotFoundException(`order ${id} not found`);
    }
    return order;
  }

  // Cancelling puts the stock back and marks the order, all or nothing.
  async cancel(id: string, customerId: string): Promise<Order> {
    const order = await this.findOne(id, customerId);
    if (order.status !== OrderStatus.Pending) {
      throw new BadRequestException(`order ${id} can no longer be cancelled`);
    }
    return this.dataSource.transaction(async (manager) => {
      for (const line of order.lines) {
        manager.increment(Product, { sku: line.sku }, 'stock', line.quantity);
      }
      order.status = OrderStatus.Cancelled;
      return manager.save(order);
    });
  }

  async invoicePdf(id: string, customerId: string): Promise<Buffer> {
    const order = await this.findOne(id, customerId);
    return this.pdf.render('invoice', {
      number: order.id.slice(0, 8).toUpperCase(),
      date: order.createdAt.toISOString().slice(0, 10),
      customer: order.customer.displayName,
      lines: order.lines,
      total: (order.totalCents / 100).toFixed(2),
    });
  }
}
