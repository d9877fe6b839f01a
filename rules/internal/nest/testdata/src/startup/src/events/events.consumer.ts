import { Injectable, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { Kafka, EachMessagePayload } from 'kafkajs';
import { Worker, Job } from 'bullmq';

@Injectable()
export class EventsConsumer implements OnModuleInit, OnApplicationBootstrap {
  private readonly kafka = new Kafka({ brokers: ['kafka:9092'] });

  async onModuleInit() {
    const consumer = this.kafka.consumer({ groupId: 'events' });
    await consumer.subscribe({ topic: 'orders' });
    await consumer.run({ eachMessage: this.onMessage.bind(this) });
  }

  onApplicationBootstrap() {
    new Worker('mail', processMail, { connection: { host: 'redis' } });
  }

  private async onMessage({ message }: EachMessagePayload) {
    return decode(message.value);
  }
}

function decode(b: Buffer | null) {
  return b?.toString();
}

async function processMail(job: Job) {
  return job.id;
}
