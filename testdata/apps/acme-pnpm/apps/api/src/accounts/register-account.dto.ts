export class RegisterAccountDto {
  email!: string;
  password!: string;
  displayName?: string;
}
