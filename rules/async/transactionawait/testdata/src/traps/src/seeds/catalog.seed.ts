import { DataSource } from 'typeorm';

export async function seed(ds: DataSource) {
  await ds.transaction(async (manager) => {
    manager.save({ id: '1' });
  });
}
