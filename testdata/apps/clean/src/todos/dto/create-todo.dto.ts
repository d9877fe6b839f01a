import { ArrayMaxSize, IsArray, IsDateString, IsOptional, IsString, Length } from 'class-validator';

export class CreateTodoDto {
  @IsString()
  @Length(1, 200)
  title: string;

  @IsOptional()
  @IsDateString()
  dueOn?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  tags?: string[];
}
