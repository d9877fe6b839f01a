import { readFileSync } from 'fs';
import { ItemsController } from './items.controller';

describe('ItemsController', () => {
  it('lists', () => {
    const fixture = readFileSync('fixture.json', 'utf8');
    expect(new ItemsController().list()).toBeDefined();
    expect(fixture).toBeTruthy();
  });
});
