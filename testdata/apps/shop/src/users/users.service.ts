import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { PasswordService } from '../auth/password.service';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { User } from './entities/user.entity';

export interface PublicUser {
  id: string;
  email: string;
  displayName: string;
  role: string;
}

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
  ) {}

  async findAll(page = 1, pageSize = 20): Promise<PublicUser[]> {
    const rows = await this.users.find({
      skip: (page - 1) * pageSize,
      take: pageSize,
      order: { createdAt: 'DESC' },
    });
    return rows.map((user) => this.toPublic(user));
  }

  async findOne(id: string): Promise<PublicUser> {
    const user = await this.users.findOneBy({ id });
    if (!user) {
      throw new NotFoundException(`user ${id} not found`);
    }
    return this.toPublic(user);
  }

  async create(dto: CreateUserDto): Promise<PublicUser> {
    const email = dto.email.toLowerCase();
    if (await this.users.findOneBy({ email })) {
      throw new ConflictException('email already registered');
    }
    const user = this.users.create({
      email,
      displayName: dto.displayName,
      passwordHash: this.passwords.hash(dto.password),
    });
    return this.toPublic(await this.users.save(user));
  }

  async update(id: string, dto: UpdateUserDto): Promise<PublicUser> {
    const user = await this.users.preload({ id, ...dto });
    if (!user) {
      throw new NotFoundException(`user ${id} not found`);
    }
    return this.toPublic(await this.users.save(user));
  }

  async remove(id: string): Promise<void> {
    const result = await this.users.delete(id);
    if (result.affected === 0) {
      throw new NotFoundException(`user ${id} not found`);
    }
  }

  private toPublic(user: User): PublicUser {
    return { id: user.id, email: user.email, displayName: user.displayName, role: user.role };
  }
}
