export const RETENTION = { removeOnComplete: { age: 3600, count: 1000 }, removeOnFail: { age: 86400 } };
export const EXPORT_QUEUE = 'exports';
