import { Injectable } from '@nestjs/common';
import { Client } from '@opensearch-project/opensearch';

@Injectable()
export class SearchIndexer {
  private client?: Client;

  // called from main.ts: await app.get(SearchIndexer).init()
  async init() {
    this.client = new Client({ node: process.env.OPENSEARCH_URL }); // want "warning: search client `this\\.client` opened in `SearchIndexer\\.init` is never closed: no shutdown hook of `SearchIndexer` calls `close\\(\\)`, so the process hangs on SIGTERM"
    await this.client.ping();
  }
}
