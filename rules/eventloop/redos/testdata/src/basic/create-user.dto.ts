import { Matches } from 'class-validator';

export class CreateUserDto {
  @Matches(/^([a-z]+\s?)*$/) // want "error: regex `/\\^\\(\\[a-z\\]\\+\\\\s\\?\\)\\*\\$/` backtracks exponentially on `'a' \\+ 'a'\\.repeat\\(30\\) \\+ '!'` in `@Matches` on every request body; rewrite the group `\\(\\[a-z\\]\\+\\\\s\\?\\)\\*`"
  displayName!: string;

  @Matches(/^[a-z0-9_]{3,20}$/)
  handle!: string;
}
