export const priceOf = (sku: string): number => sku.length * 100;
