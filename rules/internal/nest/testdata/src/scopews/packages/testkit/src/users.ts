import { Test } from '@nestjs/testing';

export const testing = Test;

export function makeUser() {
  return { name: 'test' };
}
