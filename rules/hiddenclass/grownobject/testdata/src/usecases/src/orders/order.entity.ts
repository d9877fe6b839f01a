export class OrderEntity {
  id!: string;
  customerId!: string;
  total!: number;
  status!: string;
  note?: string;
  raw?: Buffer;
}
