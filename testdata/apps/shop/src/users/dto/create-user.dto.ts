import { IsEmail, IsString, Length, MinLength } from 'class-validator';

export class CreateUserDto {
  @IsEmail()
  email: string;

  @IsString()
  @Length(2, 64)
  displayName: string;

  @IsString()
  @MinLength(12)
  password: string;
}
