import { Injectable, OnModuleInit } from '@nestjs/common';
import { Kafka, Producer } from 'kafkajs';

@Injectable()
export class EventsService implements OnModuleInit {
  private readonly kafka = new Kafka({ brokers: ['kafka:9092'] });
  private producer!: Producer;

  async onModuleInit() {
    this.producer = this.kafka.producer(); // want "warning: Kafka producer/consumer `this\\.producer` is never closed: no shutdown hook of `EventsService` calls `disconnect\\(\\)`, so the process hangs on SIGTERM"
    await this.producer.connect();
  }
}
