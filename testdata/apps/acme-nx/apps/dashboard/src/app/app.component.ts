import { Component, OnInit } from '@angular/core';
import { MoneyBadgeComponent } from '@acme-nx/ui';
import type { OrderSummary } from '@acme-nx/shared-types';

@Component({
  selector: 'acme-root',
  standalone: true,
  imports: [MoneyBadgeComponent],
  template: `<acme-money-badge [summary]="latest" />`,
})
export class AppComponent implements OnInit {
  latest?: OrderSummary;
  private draft: Record<string, unknown> = {};
  private refreshMs: number;

  ngOnInit(): void {
    this.refreshMs = 30_000;
    this.latest = { id: 'o-1', totalCents: 4200, currency: 'EUR' };
  }

  discardDraft(field: string): void {
    delete this.draft[field];
  }
}
