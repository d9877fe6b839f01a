export const CORE_OPTIONS = Symbol('CORE_OPTIONS');

export interface CoreOptions {
  pepper: string;
}
