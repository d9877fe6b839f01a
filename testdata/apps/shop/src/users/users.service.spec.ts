import { Test } from '@nestjs/testing';
import { getRepositoryToken } from '@nestjs/typeorm';
import { readFileSync } from 'fs';
import { join } from 'path';
import { PasswordService } from '../auth/password.service';
import { User } from './entities/user.entity';
import { UsersService } from './users.service';

const fixtures: User[] = JSON.parse(readFileSync(join(__dirname, '__fixtures__', 'users.json'), 'utf8'));

describe('UsersService', () => {
  let service: UsersService;
  const repo = {
    find: jest.fn(),
    findOneBy: jest.fn(),
    create: jest.fn((input: Partial<User>) => input),
    save: jest.fn(async (user: Partial<User>) => ({ ...user, id: 'generated-id' })),
  };

  beforeEach(async () => {
    jest.clearAllMocks();
    const moduleRef = await Test.createTestingModule({
      providers: [
        UsersService,
        { provide: getRepositoryToken(User), useValue: repo },
        { provide: PasswordService, useValue: { hash: jest.fn(() => 'salt:hash') } },
      ],
    }).compile();
    service = moduleRef.get(UsersService);
  });

  it('never exposes password hashes', async () => {
    repo.find.mockResolvedValue(fixtures);
    const users = await service.findAll();
    expect(users).toHaveLength(fixtures.length);
    expect(users[0]).not.toHaveProperty('passwordHash');
  });

  it('rejects a duplicate email', async () => {
    repo.findOneBy.mockResolvedValue(fixtures[0]);
    const dto = { email: fixtures[0].email, displayName: 'Dup', password: 'correct horse battery' };
    await expect(service.create(dto)).rejects.toThrow('already registered');
  });

  it('hashes the password and lowercases the email', async () => {
    repo.findOneBy.mockResolvedValue(null);
    const created = await service.create({ email: 'New@Example.com', displayName: 'New', password: 'correct horse battery' });
    expect(repo.create).toHaveBeenCalledWith(
      expect.objectContaining({ email: 'new@example.com', passwordHash: 'salt:hash' }),
    );
    expect(created.id).toBe('generated-id');
  });
});
