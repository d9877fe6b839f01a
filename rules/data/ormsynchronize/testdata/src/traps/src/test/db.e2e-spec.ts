import { TypeOrmModule } from '@nestjs/typeorm';

export const testDb = TypeOrmModule.forRoot({ type: 'sqlite', database: ':memory:', synchronize: true, dropSchema: true });
