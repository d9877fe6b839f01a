export const isDev = process.env.NODE_ENV === 'development';
export const ENV = process.env.NODE_ENV ?? 'development';
