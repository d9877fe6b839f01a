import { Module } from '@nestjs/common';
import { registerAs } from '@nestjs/config';
import { readFileSync } from 'fs';
import { ItemsController } from './items.controller';

export const certs = registerAs('certs', () => ({ ca: readFileSync('ca.pem', 'utf8') }));

@Module({ controllers: [ItemsController] })
export class AppModule {}
