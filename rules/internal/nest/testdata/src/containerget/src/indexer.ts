import { Injectable } from '@nestjs/common';

@Injectable()
export class Indexer {
  async init() {
    return this.connect();
  }

  private async connect() {
    return 1;
  }

  async reindex() {
    return 2;
  }
}

@Injectable()
export class Warmup {
  async run() {
    return 3;
  }
}
