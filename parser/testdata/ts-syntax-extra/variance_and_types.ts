export interface Producer<out T> {
  produce(): T;
}
export interface Consumer<in T> {
  consume(value: T): void;
}
export interface Channel<in out T, U extends string = 'x'> {
  send(value: T): U;
}
export type Handler = (string) => void;
export type Pair = (number, string) => boolean;
export const checked = { port: 3000 } satisfies Record<string, number>;
export class Registry<const in K extends string, out V> {
  get(key: K): V | undefined {
    return undefined;
  }
}
