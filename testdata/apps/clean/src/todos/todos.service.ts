import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TagsService } from '../tags/tags.service';
import { CreateTodoDto } from './dto/create-todo.dto';
import { UpdateTodoDto } from './dto/update-todo.dto';
import { Todo } from './entities/todo.entity';

@Injectable()
export class TodosService {
  constructor(
    @InjectRepository(Todo) private readonly todos: Repository<Todo>,
    private readonly tagsService: TagsService,
  ) {}

  findAll(done?: boolean): Promise<Todo[]> {
    const where = done === undefined ? {} : { done };
    return this.todos.find({ where, order: { createdAt: 'DESC' }, take: 100 });
  }

  async findOne(id: string): Promise<Todo> {
    const todo = await this.todos.findOneBy({ id });
    if (!todo) {
      throw new NotFoundException(`todo ${id} not found`);
    }
    return todo;
  }

  async create(dto: CreateTodoDto): Promise<Todo> {
    const tags = await this.tagsService.findOrCreate(dto.tags ?? []);
    const todo = this.todos.create({ title: dto.title, dueOn: dto.dueOn ?? null, done: false, tags });
    return this.todos.save(todo);
  }

  async update(id: string, dto: UpdateTodoDto): Promise<Todo> {
    const todo = await this.findOne(id);
    const tags = dto.tags ? await this.tagsService.findOrCreate(dto.tags) : todo.tags;
    const next = this.todos.merge(todo, {
      title: dto.title ?? todo.title,
      dueOn: dto.dueOn ?? todo.dueOn,
      done: dto.done ?? todo.done,
      tags,
    });
    return this.todos.save(next);
  }

  async remove(id: string): Promise<void> {
    const result = await this.todos.delete(id);
    if (result.affected === 0) {
      throw new NotFoundException(`todo ${id} not found`);
    }
  }
}
