import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { slugify } from '@app/shared/slug';

@Controller()
export class IndexerController {
  @EventPattern('post.created')
  index(@Payload() data: { title: string }) {
    return slugify(data.title);
  }
}
