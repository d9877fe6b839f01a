import { Body, Controller, Param, Post } from '@nestjs/common';
import { VersionService } from './version.service';
import { UsersService } from './users.service';

@Controller('admin')
export class AdminController {
  constructor(
    private readonly versions: VersionService,
    private readonly users: UsersService,
  ) {}

  @Post('reload')
  async reload() {
    await this.versions.refresh();
    await this.versions.reloadFlags();
    this.versions.reloadRegions();
    return this.versions.current();
  }

  @Post('users/:id/touch')
  touch(@Param('id') id: string, @Body() body: { tags: string[] }) {
    return this.users.touch(id, body.tags);
  }
}
