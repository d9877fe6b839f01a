import { Injectable, OnModuleInit } from '@nestjs/common';

@Injectable()
export class CatsService implements OnModuleInit {
  private names: string[];

  onModuleInit() {
    this.names = ['tom', 'felix'];
  }

  findAll() {
    return this.names;
  }
}
