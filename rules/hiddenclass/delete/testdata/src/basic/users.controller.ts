import { Controller, Get, Param, Post, Body, Req } from '@nestjs/common';
import { Request } from 'express';

interface UserRow { id: string; name: string; password: string; [k: string]: unknown }

class UpdateUserDto {
  name?: string;
  email?: string;
  'x-trace'?: string;
}

interface TreeClient {
  children(ids: string[]): unknown[];
}

@Controller('users')
export class UsersController {
  private readonly sessions: string[] = [];
  private readonly cache = new Map<string, UserRow>();
  private readonly tree!: TreeClient;

  @Get(':id')
  findOne(@Param('id') id: string) {
    const user: UserRow = { id, name: 'a', password: 'x' };
    delete user.password; // want "warning: `delete user\\.password` makes `user` a slow dictionary on the request path; assign `user\\.password = undefined` instead"
    return user;
  }

  @Post()
  strip(@Body() dto: UpdateUserDto, @Body('key') key: keyof UpdateUserDto) {
    delete dto[key]; // want "warning: `delete dto\\[\\.\\.\\.\\]` makes `dto` a slow dictionary on the request path; for dynamic keys use a `Map`"
    delete dto['x-trace']; // want "warning: `delete dto\\[\"x-trace\"\\]` makes `dto` a slow dictionary on the request path; assign `dto\\[\"x-trace\"\\] = undefined` instead"
    return dto;
  }

  // Objects typed as dictionaries are dictionaries already: deleting a key
  // is what they are for.
  @Post('headers')
  headers(@Body() extra: Record<string, string>, @Body('drop') drop: string[]) {
    const byId: { [id: string]: UserRow } = {};
    const seen = Object.create(null);
    const counts: Partial<Record<string, number>> = {};
    for (const k of drop) {
      delete extra[k];
      delete byId[k];
      delete seen[k];
      delete counts[k];
    }
    delete extra['x-trace'];
    return extra;
  }

  // The request's own maps are dictionaries too.
  @Post('proxy')
  proxy(@Req() req: Request) {
    delete req.headers['x-forwarded-for'];
    delete req.query.page;
    return req.headers;
  }

  // Elements of arrays whose type comes from a library: the index says it.
  @Post('prune')
  prune(@Body() body: { ids: string[] }) {
    const nodes = this.tree.children(body.ids);
    for (let i = 0; i < nodes.length; i++) {
      if (!nodes[i]) delete nodes[i];
    }
    nodes.forEach((node, idx) => {
      if (node === null) delete nodes[idx];
    });
    delete nodes[nodes.length - 1];
    delete nodes[0];
    return nodes;
  }

  @Get()
  traps(@Param('ids') ids: string[]) {
    const list = [1, 2, 3];
    const typed: Array<number> = [];
    delete list[0];
    delete typed[1];
    delete ids[0];
    delete this.sessions[0];
    this.cache.delete('k');
    delete process.env.DEBUG;
    // a shrunk spread copy is reported by hidden-class/grown-object
    const copy = { ...this.cache.get('k') };
    delete copy.password;
    return list;
  }
}

export function unusedHelper(o: { a?: number }) {
  delete o.a; // want "note: `delete o\\.a` makes `o` a slow dictionary in `unusedHelper` \\(no known entry point\\); assign `o\\.a = undefined` instead"
}
