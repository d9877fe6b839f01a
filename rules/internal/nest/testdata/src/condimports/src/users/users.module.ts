import { Module } from '@nestjs/common';
import { UsersService } from './users.service';

@Module({ providers: [UsersService], exports: [UsersService, ...(process.env.LEGACY_USERS ? [] : [])] })
export class UsersModule {}
