import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import axios from 'axios';
import { JSON_HEADERS } from '../common/http.constants';

@Injectable()
export class PaymentsService {
  constructor(private readonly http: HttpService) {}

  async charge(amount: number) {
    const risk = await axios.post('https://risk.internal/score', { amount }, JSON_HEADERS); // want "error: axios.post on the request path \\(reached from PaymentsController.charge, @Post\\(\\)\\) has no timeout"
    const res = await firstValueFrom(this.http.post('https://psp.example.com/charges', { amount })); // want "error: HttpService.post on the request path .* has no timeout: .*HttpModule.register"
    const fx = await fetch('https://fx.example.com/latest'); // want "error: fetch on the request path .*AbortSignal.timeout"
    return { risk: risk.data, charge: res.data, fx: await fx.json() };
  }
}
