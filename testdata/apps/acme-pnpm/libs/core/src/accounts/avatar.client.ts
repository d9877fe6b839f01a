import { Injectable } from '@nestjs/common';
import { createHash } from 'crypto';

/** Looks up an account's public avatar profile on Gravatar. */
@Injectable()
export class AvatarClient {
  async profileUrl(email: string): Promise<string | undefined> {
    const hash = createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
    const res = await fetch(`https://gravatar.com/${hash}.json`);
    if (!res.ok) {
      return undefined;
    }
    const body = (await res.json()) as { entry?: { thumbnailUrl?: string }[] };
    return body.entry?.[0]?.thumbnailUrl;
  }
}
