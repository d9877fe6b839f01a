import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Tag } from './entities/tag.entity';

@Injectable()
export class TagsService {
  constructor(@InjectRepository(Tag) private readonly tags: Repository<Tag>) {}

  findAll(): Promise<Tag[]> {
    return this.tags.find({ order: { name: 'ASC' } });
  }

  async findOrCreate(names: string[]): Promise<Tag[]> {
    const wanted = [...new Set(names.map((name) => name.trim().toLowerCase()))].filter((name) => name.length > 0);
    if (wanted.length === 0) {
      return [];
    }
    const existing = await this.tags.findBy({ name: In(wanted) });
    const known = new Set(existing.map((tag) => tag.name));
    const missing = wanted.filter((name) => !known.has(name)).map((name) => this.tags.create({ name }));
    const created = missing.length > 0 ? await this.tags.save(missing) : [];
    return [...existing, ...created];
  }
}
