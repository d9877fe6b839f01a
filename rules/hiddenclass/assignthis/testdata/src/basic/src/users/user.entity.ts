export class UserEntity {
  id: string;
  email: string;
  constructor(input: Partial<UserEntity>) {
    Object.assign(this, input); // want "warning: `Object\\.assign\\(this, …\\)` gives instances different shapes on the request path; assign the known fields one by one" "via UsersController.create -> UsersService.create -> UserEntity.constructor"
  }
}

export class AuditEntry {
  at: number;
  constructor(data: Record<string, unknown>) {
    Object.assign(this, { at: 0 });
    Object.assign(this, data); // want "note: `Object\\.assign\\(this, …\\)` gives instances different shapes in `AuditEntry\\.constructor` \\(no known entry point\\); assign the known fields one by one"
  }
}
