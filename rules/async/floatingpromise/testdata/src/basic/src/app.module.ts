import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BullModule } from '@nestjs/bullmq';
import { OrdersController } from './orders/orders.controller';
import { OrdersService } from './orders/orders.service';
import { AuditService } from './audit/audit.service';
import { AuditLog } from './audit/audit-log.entity';
import { MailerService } from './notify/mailer.service';
import { OrderListener } from './notify/order.listener';
import { CleanupTask } from './tasks/cleanup.task';
import { PrismaService } from './prisma/prisma.service';
import { UsersService } from './users/users.service';

@Module({
  imports: [TypeOrmModule.forFeature([AuditLog]), BullModule.registerQueue({ name: 'emails' })],
  controllers: [OrdersController],
  providers: [OrdersService, AuditService, MailerService, OrderListener, CleanupTask, PrismaService, UsersService],
})
export class AppModule {}
