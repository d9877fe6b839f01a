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
    const res = await axios.get(`https://rates.example.com/${currency}/history`); // want "error: axios.get on the request path \\(reached from QuotesController.quote, @Get\\(\\)\\) has no timeout"
    return res.data.points;
  }
}
