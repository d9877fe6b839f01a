import { Injectable, OnModuleInit } from '@nestjs/common';
import { Cron, Interval, Timeout } from '@nestjs/schedule';
import { OnEvent } from '@nestjs/event-emitter';
import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { EventPattern } from '@nestjs/microservices';
import { EventEmitter } from 'events';
import { InventoryClient } from './inventory.client';

export class StockChanged {}

// Nest wraps all of these: schedule and event-emitter catch and log,
// cqrs routes to the UnhandledExceptionBus, microservices to exception filters.
@Injectable()
export class SyncJobs implements OnModuleInit {
  private readonly bus = new EventEmitter();
  private readonly safeBus = new EventEmitter({ captureRejections: true });
  private readonly local = { on: (_e: string, _f: () => Promise<void>) => undefined };

  constructor(private readonly inventory: InventoryClient) {}

  @Cron('*/5 * * * *')
  async everyFive() {
    await this.inventory.pull();
  }

  @Interval(10_000)
  async poll() {
    await this.inventory.pull();
  }

  @Timeout(1_000)
  async warm() {
    await this.inventory.pull();
  }

  @OnEvent('stock.changed')
  async onChanged() {
    await this.inventory.pull();
  }

  @EventPattern('stock.sync')
  async onSync() {
    await this.inventory.pull();
  }

  onModuleInit() {
    setInterval(async () => {
      try {
        await this.inventory.pull();
      } catch {
        // next tick retries
      }
    }, 60_000);
    setInterval(async () => {
      await this.inventory.safely(() => this.inventory.pull());
    }, 60_000);
    this.bus.on('tick', async () => {
      const started = Date.now();
      return started;
    });
    this.safeBus.on('tick', async () => {
      await this.inventory.pull();
    });
    this.local.on('tick', async () => {
      await this.inventory.pull();
    });
  }
}

@EventsHandler(StockChanged)
export class StockChangedHandler implements IEventHandler<StockChanged> {
  constructor(private readonly inventory: InventoryClient) {}

  async handle() {
    await this.inventory.pull();
  }
}

// signal handlers are judged by shutdown/signal-exit
export function onSignals(inventory: InventoryClient) {
  process.on('SIGTERM', async () => {
    await inventory.pull();
  });
}
