import { Injectable } from '@nestjs/common';
import axios, { AxiosInstance } from 'axios';

@Injectable()
export class ShippingClient {
  private readonly client: AxiosInstance;

  constructor() {
    this.client = axios.create({ baseURL: 'https://shipping.example.com' });
  }

  async quote(address: string) {
    const res = await this.client.get('/quote', { params: { address } }); // want "error: axios instance `get` has no timeout on the request path: a hung upstream holds the request; set `timeout` on the call or in `axios\\.create\\(\\)`"
    return res.data;
  }
}

export async function pingShipping() {
  return axios.get('https://shipping.example.com/health'); // want "warning: `axios\\.get` has no timeout in `pingShipping` \\(no known entry point\\): a hung upstream holds the request; set `timeout` or use `axios\\.create\\(\\{ timeout \\}\\)`"
}
