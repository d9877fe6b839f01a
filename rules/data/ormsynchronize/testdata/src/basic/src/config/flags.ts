export const SYNC_SCHEMA = true;
export const isProduction = process.env.NODE_ENV === 'production';
