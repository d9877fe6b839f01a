import { Module } from '@nestjs/common';
import { SharedModule } from '@acme/shared';
import { CatsController } from './cats/cats.controller';
import { CatsService } from './cats/cats.service';

@Module({ imports: [SharedModule], controllers: [CatsController], providers: [CatsService] })
export class AppModule {}
