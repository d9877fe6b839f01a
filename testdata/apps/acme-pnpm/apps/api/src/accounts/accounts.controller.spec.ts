import { Test } from '@nestjs/testing';
import { FindAccountUseCase, RegisterAccountUseCase } from '@acme/core';
import { AccountsController } from './accounts.controller';

describe('AccountsController', () => {
  it('redacts the password hash', async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [AccountsController],
      providers: [
        { provide: RegisterAccountUseCase, useValue: { execute: async () => ({ id: '1', email: 'a@b.c', passwordHash: 'x' }) } },
        { provide: FindAccountUseCase, useValue: { execute: async () => null } },
      ],
    }).compile();
    const controller = moduleRef.get(AccountsController);
    const view = await controller.register({ email: 'a@b.c', password: 'pw' });
    expect(view).not.toHaveProperty('passwordHash');
  });
});
