import { Injectable } from '@nestjs/common';

export class CaféService {
  greet(): string {
    return 'héllo';
  }
}
