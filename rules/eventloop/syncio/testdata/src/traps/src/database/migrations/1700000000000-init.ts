import { MigrationInterface, QueryRunner } from 'typeorm';
import { readFileSync } from 'fs';

export class Init1700000000000 implements MigrationInterface {
  async up(q: QueryRunner) {
    await q.query(readFileSync('init.sql', 'utf8'));
  }
  async down() {}
}
