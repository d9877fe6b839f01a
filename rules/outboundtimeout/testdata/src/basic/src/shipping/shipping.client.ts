import { Injectable } from '@nestjs/common';
import axios, { AxiosInstance } from 'axios';

@Injectable()
export class ShippingClient {
  private readonly client: AxiosInstance;

  constructor() {
    this.client = axios.create({ baseURL: 'https://shipping.example.com' });
  }

  async quote(address: string) {
    const res = await this.client.get('/quote', { params: { address } }); // want "error: axios instance get on the request path \\(reached from PaymentsController.charge, @Post\\(\\)\\) has no timeout"
    return res.data;
  }
}

export async function pingShipping() {
  return axios.get('https://shipping.example.com/health'); // want "warning: axios.get in pingShipping, which no entry point is known to reach, has no timeout"
}
