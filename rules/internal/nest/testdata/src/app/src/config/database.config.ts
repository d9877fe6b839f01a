import { registerAs } from '@nestjs/config';

export default registerAs('database', () => ({
  host: readHost(),
  port: 5432,
}));

function readHost() {
  return process.env.DB_HOST ?? 'localhost';
}
