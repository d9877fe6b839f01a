import { Body, Controller, Post } from '@nestjs/common';
import { slugify } from '@app/shared';

@Controller('posts')
export class PostsController {
  @Post()
  create(@Body() body: { title: string }) {
    return { slug: slugify(body.title) };
  }
}
