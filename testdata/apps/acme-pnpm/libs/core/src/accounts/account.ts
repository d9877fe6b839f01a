export interface Account {
  id: string;
  email: string;
  handle: string;
  passwordHash: string;
  createdAt: Date;
}

export type AccountView = Omit<Account, 'passwordHash'>;

export interface RegisterAccountCommand {
  email: string;
  password: string;
  handle: string;
}
