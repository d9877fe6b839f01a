export { redact } from './redact';
export { slugify } from './strings';
