import { CatsService } from './cats.service';

class FakeRepo {
  rows: string[];
}

describe('CatsService', () => {
  it('lists cats', () => {
    expect(new CatsService().findAll()).toBeUndefined();
    expect(new FakeRepo().rows).toBeUndefined();
  });
});
