import { Injectable } from '@nestjs/common';
import { Client } from '@opensearch-project/opensearch';

@Injectable()
export class SearchIndexer {
  private client?: Client;

  // called from main.ts: await app.get(SearchIndexer).init()
  async init() {
    this.client = new Client({ node: process.env.OPENSEARCH_URL }); // want "warning: search client this.client opened in SearchIndexer.init is never closed: .* calls close\\(\\)"
    await this.client.ping();
  }
}
