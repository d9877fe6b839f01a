export interface Shape {
  text: string;
}

export function shapeOf(text: string): Shape {
  return { text };
}
