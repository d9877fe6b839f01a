import { Injectable } from '@nestjs/common';
import * as fs from 'fs';
import { createFsFromVolume, Volume } from 'memfs';
import * as path from 'path';

const ARCHIVE_DIR = process.env.REPORT_ARCHIVE_DIR ?? '/var/lib/shop/reports';

// Keeps the latest export in memory for fast downloads and archives every export to disk.
@Injectable()
export class ScratchStorage {
  private readonly volume = new Volume();

  write(key: string, data: Buffer): void {
    const fs = createFsFromVolume(this.volume);
    for (const old of fs.readdirSync('/') as string[]) {
      fs.unlinkSync(`/${old}`);
    }
    fs.writeFileSync(`/${key}`, data);
    void this.archive(key, data);
  }

  async read(key: string): Promise<Buffer> {
    const fs = createFsFromVolume(this.volume);
    if (fs.existsSync(`/${key}`)) {
      return fs.readFileSync(`/${key}`) as Buffer;
    }
    return this.readArchived(key);
  }

  private readArchived(key: string): Promise<Buffer> {
    return fs.promises.readFile(path.join(ARCHIVE_DIR, key));
  }

  private async archive(key: string, data: Buffer): Promise<void> {
    await fs.promises.mkdir(ARCHIVE_DIR, { recursive: true });
    await fs.promises.writeFile(path.join(ARCHIVE_DIR, key), data);
  }
}
