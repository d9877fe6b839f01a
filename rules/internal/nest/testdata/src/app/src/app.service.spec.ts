import { AppService } from './app.service';

describe('AppService', () => {
  it('lists', () => {
    const svc = new AppService();
    svc.resetForTests();
    expect(svc.list(['x'])).toEqual(['#x']);
  });
});
