export class Order {
  id!: string;
  total!: number;
}

export class OrderLine {
  id!: string;
  orderId!: string;
  sku!: string;
}
