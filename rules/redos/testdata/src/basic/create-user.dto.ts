import { Matches } from 'class-validator';

export class CreateUserDto {
  @Matches(/^([a-z]+\s?)*$/) // want "error: regex .*@Matches applies it to every validated request body"
  displayName!: string;

  @Matches(/^[a-z0-9_]{3,20}$/)
  handle!: string;
}
