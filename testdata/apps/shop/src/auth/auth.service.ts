import { Inject, Injectable, Scope, UnauthorizedException } from '@nestjs/common';
import { REQUEST } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { User } from '../users/entities/user.entity';
import { AuthenticatedRequest, AuthUser } from './auth-user.interface';
import { LoginDto } from './dto/login.dto';
import { PasswordService } from './password.service';

@Injectable({ scope: Scope.REQUEST })
export class AuthService {
  private user: AuthUser | null = null;

  constructor(
    @Inject(REQUEST) private readonly req: AuthenticatedRequest,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly passwords: PasswordService,
    private readonly jwt: JwtService,
  ) {}

  async login(dto: LoginDto): Promise<{ accessToken: string }> {
    const user = await this.users.findOne({
      where: { email: dto.email.toLowerCase() },
      select: { id: true, email: true, role: true, passwordHash: true },
    });
    if (!user || !this.passwords.verify(dto.password, user.passwordHash)) {
      throw new UnauthorizedException('invalid credentials');
    }
    const accessToken = await this.jwt.signAsync({ sub: user.id, email: user.email, role: user.role });
    return { accessToken };
  }

  me(): AuthUser {
    this.user = this.req.user;
    if (!this.user) {
      throw new UnauthorizedException();
    }
    return this.user;
  }
}
