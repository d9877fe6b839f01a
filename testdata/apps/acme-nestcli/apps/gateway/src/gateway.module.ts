import { Module } from '@nestjs/common';
import { ClientsModule, Transport } from '@nestjs/microservices';
import { CommonModule } from '@app/common';
import { QuotesController } from './quotes.controller';
import { QuoteCache } from './quote-cache.service';

@Module({
  imports: [
    CommonModule,
    ClientsModule.register([{ name: 'BILLING', transport: Transport.TCP, options: { port: 4001 } }]),
  ],
  controllers: [QuotesController],
  providers: [QuoteCache],
})
export class GatewayModule {}
