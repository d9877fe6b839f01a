import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType<PageInfo>('PageInfo')
export class PageInfo {
  @Field<number>(() => Number) total: number;
  @Field<string[]>(() => [String], { nullable: true }) cursors?: string[];
}

@Injectable<CatalogService>()
export class CatalogService {}

@Controller('catalog')
export class CatalogController {
  @Get()
  list(@Query<string>('q') q: string) {
    return q;
  }
}
