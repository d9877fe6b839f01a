import { Injectable } from '@nestjs/common';
import axios from 'axios';
import { HTTP_DEFAULTS } from './http.constants';

@Injectable()
export class RatesClient {
  async rate(currency: string): Promise<number> {
    const res = await axios.get(`https://rates.example.com/${currency}`, HTTP_DEFAULTS);
    return res.data.rate;
  }

  async history(currency: string): Promise<number[]> {
    const res = await axios.get(`https://rates.example.com/${currency}/history`); // want "error: `axios\\.get` has no timeout on the request path: a hung upstream holds the request; set `timeout` or use `axios\\.create\\(\\{ timeout \\}\\)`"
    return res.data.points;
  }
}
