import { Injectable } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import axios from 'axios';
import got from 'got';
import { UPSTREAM_DEFAULTS, WITH_DEFAULTS } from '../common/http';

@Injectable()
export class GeoService {
  private readonly api = axios.create({ baseURL: 'https://geo.example.com', timeout: 2_500 });

  constructor(private readonly http: HttpService) {}

  async find(q: string) {
    const a = await this.api.get('/search', { params: { q } });
    const b = await firstValueFrom(this.http.get('https://backup-geo.example.com', { params: { q } }));
    const c = await axios.get('https://geo2.example.com', UPSTREAM_DEFAULTS);
    const d = await axios.post('https://geo3.example.com', { q }, WITH_DEFAULTS);
    const e = await fetch('https://geo4.example.com', { signal: AbortSignal.timeout(2_000) });
    const f = await got('https://geo5.example.com', { timeout: { request: 2_000 } });
    return { ...a.data, ...b.data, ...c.data, ...d.data, e: await e.json(), f: f.body, lat: 0, lon: 0 };
  }
}
