import { Controller, Get, OnModuleInit, Query } from '@nestjs/common';

let client: { ping(): number } | undefined;
let other: { ping(): number } | undefined;
let bootedAt = 0;
const registry: Record<string, string> = {};
const readOnly = { retries: 3 };

let token: string | undefined;

async function getToken(): Promise<string> {
  if (token) return token;
  token = await Promise.resolve('t');
  return token;
}

function createClient() {
  return { ping: () => 1 };
}

@Controller('client')
export class ClientController implements OnModuleInit {
  onModuleInit() {
    bootedAt = Date.now();
    registry['boot'] = 'yes';
  }

  @Get('token')
  async tok() {
    return getToken();
  }

  @Get()
  ping(@Query('q') q: string) {
    client ??= createClient();
    if (!other) {
      other = createClient();
    }
    const local = { q };
    local.q = q.trim();
    return client.ping() + other.ping() + readOnly.retries + bootedAt + registry[q].length;
  }
}
