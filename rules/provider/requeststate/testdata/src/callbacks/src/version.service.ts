import { HttpService } from '@nestjs/axios';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { firstValueFrom } from 'rxjs';

@Injectable()
export class VersionService implements OnModuleInit {
  private version = 'unknown';
  private flags: Record<string, boolean> = {};
  private regions: string[] = [];

  constructor(
    private readonly http: HttpService,
    private readonly config: ConfigService,
  ) {}

  onModuleInit() {
    return this.refresh();
  }

  // called at boot and from the admin reload endpoint: the value comes from
  // the upstream API, the same for every user
  refresh() {
    return firstValueFrom(this.http.get(this.config.get('VERSION_URL'))).then((res) => {
      this.version = res.data.version;
    });
  }

  reloadFlags() {
    return this.loadFlags().then((flags) => {
      this.flags = flags;
    });
  }

  reloadRegions() {
    this.config.get<string[]>('REGIONS').forEach((r) => {
      this.regions = [...this.regions.filter((x) => x !== r), r];
    });
  }

  private async loadFlags(): Promise<Record<string, boolean>> {
    const res = await firstValueFrom(this.http.get('/flags'));
    return res.data;
  }

  current() {
    return { version: this.version, flags: this.flags, regions: this.regions };
  }
}
