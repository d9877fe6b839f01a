import { Injectable } from '@nestjs/common';

// A Nest library no app imports yet: still Nest code.
@Injectable()
export class Clock {
  now(): number {
    return Date.now();
  }
}

// The module the seed command boots.
export class SeedModule {}
