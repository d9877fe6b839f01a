import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions, Transport } from '@nestjs/microservices';
import { AppModule } from './app.module';

async function bootstrap() {
    const ms = await NestFactory.createMicroservice<MicroserviceOptions>(AppModule, { // want "error: `ms` from `NestFactory\\.createMicroservice` never gets `enableShutdownHooks\\(\\)`, so no shutdown hook runs on SIGTERM; call `ms\\.enableShutdownHooks\\(\\)`"
        transport: Transport.REDIS,
        options: { host: 'localhost', port: 6379 },
    });
    await ms.listen();
}
bootstrap();
