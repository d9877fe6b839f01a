import { makeUser } from '@ws/testkit';

describe('app', () => {
  it('greets', () => {
    expect(makeUser().name).toBe('test');
  });
});
