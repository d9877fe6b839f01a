import { Module } from '@nestjs/common';
import { AdminController } from './admin.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { VersionService } from './version.service';

@Module({
  controllers: [AdminController],
  providers: [UsersService, UsersRepository, VersionService],
})
export class AppModule {}
