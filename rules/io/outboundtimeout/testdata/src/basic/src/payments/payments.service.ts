import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import axios from 'axios';
import { JSON_HEADERS } from '../common/http.constants';

@Injectable()
export class PaymentsService {
  constructor(private readonly http: HttpService) {}

  async charge(amount: number) {
    const risk = await axios.post('https://risk.internal/score', { amount }, JSON_HEADERS); // want "error: `axios\\.post` has no timeout on the request path: a hung upstream holds the request; set `timeout` or use `axios\\.create\\(\\{ timeout \\}\\)`"
    const res = await firstValueFrom(this.http.post('https://psp.example.com/charges', { amount })); // want "error: `HttpService\\.post` has no timeout on the request path: a hung upstream holds the request; set `timeout` on the call or in `HttpModule\\.register\\(\\)`"
    const fx = await fetch('https://fx.example.com/latest'); // want "error: `fetch` has no timeout on the request path: a hung upstream holds the request; pass `signal: AbortSignal\\.timeout\\(ms\\)`"
    return { risk: risk.data, charge: res.data, fx: await fx.json() };
  }
}
