import { Component, OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';

interface UserRow {
  id: string;
  email: string;
  invitedBy?: string;
}

@Component({
  selector: 'acme-user-list',
  standalone: true,
  imports: [FormsModule],
  template: `<ul><li *ngFor="let u of users">{{ u.email }}</li></ul>`,
})
export class UserListComponent implements OnInit {
  users: UserRow[] = [];
  filters: Record<string, string> = {};
  private pageSize: number;

  ngOnInit(): void {
    this.pageSize = 25;
  }

  clearFilter(key: string): void {
    delete this.filters[key]; // a Record keyed by filter name: a dictionary, fine
  }

  forget(row: UserRow): void {
    delete row.invitedBy;
  }

  matches(email: string): boolean {
    return /^([a-z0-9]+\.?)*@acme\.test$/.test(email);
  }
}
