export class UserEntity {
  id: string;
  email: string;
  constructor(input: Partial<UserEntity>) {
    Object.assign(this, input); // want "warning: Object.assign\\(this, ...\\) in UserEntity.constructor gives each UserEntity instance the keys of its input, so instances get different hidden classes on the request path \\(reached from UsersController.create\\); assign the known fields one by one"
  }
}

export class AuditEntry {
  at: number;
  constructor(data: Record<string, unknown>) {
    Object.assign(this, { at: 0 });
    Object.assign(this, data); // want "note: Object.assign\\(this, ...\\) in AuditEntry.constructor gives each AuditEntry instance"
  }
}
