export { makeUser } from './users';
