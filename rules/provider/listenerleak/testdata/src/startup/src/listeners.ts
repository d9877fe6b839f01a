import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import Redis from 'ioredis';
import { Subject, Subscription } from 'rxjs';
import { Ticks } from './ticks';

@Injectable()
export class Ticks2 {
  readonly ticks$ = new Subject<number>();
}

@Injectable()
export class LeakyListener implements OnModuleInit {
  constructor(private readonly events: EventEmitter2, private readonly ticks: Ticks) {}

  onModuleInit() {
    this.events.on('user.created', () => undefined); // want "warning: `this\\.events\\.on\\('user\\.created'\\)` listener added at startup is never removed, so after `app\\.close\\(\\)` it keeps `LeakyListener` alive; remove it on shutdown"
    process.on('message', () => undefined); // want "warning: `process\\.on\\('message'\\)` listener added at startup is never removed, so after `app\\.close\\(\\)` it keeps `LeakyListener` alive; remove it on shutdown"
    this.ticks.ticks$.subscribe(() => undefined); // want "warning: a subscription to `this\\.ticks\\.ticks\\$` added at startup is never removed, so after `app\\.close\\(\\)` it keeps `LeakyListener` alive; remove it on shutdown"
    setInterval(() => undefined, 1000);
  }
}

// one process-wide handler registered once at startup: not reported
@Injectable()
export class CrashReporter implements OnModuleInit {
  onModuleInit() {
    process.on('unhandledRejection', (reason) => console.error(reason));
    process.once('SIGTERM', () => console.log('draining'));
  }
}

@Injectable()
export class TidyListener implements OnModuleInit, OnModuleDestroy {
  private sub?: Subscription;
  private redis = new Redis();
  private readonly onMessage = () => undefined;

  constructor(private readonly events: EventEmitter2, private readonly ticks: Ticks) {}

  onModuleInit() {
    this.events.on('user.created', this.onMessage);
    process.on('message', this.onMessage);
    this.sub = this.ticks.ticks$.subscribe(() => undefined);
    this.redis.on('error', () => undefined);
  }

  onModuleDestroy() {
    this.events.off('user.created', this.onMessage);
    process.removeListener('message', this.onMessage);
    this.sub?.unsubscribe();
  }
}
