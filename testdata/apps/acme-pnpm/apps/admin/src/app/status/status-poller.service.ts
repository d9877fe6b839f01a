import { Injectable, OnDestroy } from '@angular/core';
import { BehaviorSubject } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class StatusPollerService implements OnDestroy {
  readonly status$ = new BehaviorSubject<string>('unknown');
  private readonly timer = setInterval(() => this.refresh(), 15_000);
  private readonly seen = new Map<string, number>();

  refresh(): void {
    this.seen.set(new Date().toISOString(), Date.now());
    this.status$.next('ok');
  }

  ngOnDestroy(): void {
    clearInterval(this.timer);
  }
}
