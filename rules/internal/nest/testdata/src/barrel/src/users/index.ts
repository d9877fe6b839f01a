export * from './users.service';
export { UsersRepository } from './users.repository';
