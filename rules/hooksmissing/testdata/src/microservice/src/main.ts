import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { AppModule } from './app.module';

async function bootstrap() {
    const ms = await NestFactory.createMicroservice<MicroserviceOptions>(AppModule, { // want "error: ms from NestFactory.createMicroservice in bootstrap never gets enableShutdownHooks"
        transport: Transport.REDIS,
        options: { host: 'localhost', port: 6379 },
    });
    await ms.listen();
}
bootstrap();
