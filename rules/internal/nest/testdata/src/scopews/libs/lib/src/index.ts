export * from './greet';
