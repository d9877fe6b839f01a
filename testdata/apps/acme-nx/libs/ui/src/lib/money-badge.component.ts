import { Component, Input } from '@angular/core';
import { formatMoney, OrderSummary } from '@acme-nx/shared-types';

@Component({
  selector: 'acme-money-badge',
  standalone: true,
  template: `<span class="badge">{{ label }}</span>`,
})
export class MoneyBadgeComponent {
  @Input() summary?: OrderSummary;

  get label(): string {
    return this.summary ? formatMoney(this.summary) : '';
  }
}
