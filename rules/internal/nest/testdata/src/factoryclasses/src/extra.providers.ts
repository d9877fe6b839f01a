import { Injectable } from '@nestjs/common';

@Injectable()
export class SpreadService {}

export const extraProviders = [SpreadService, { provide: 'EXTRA', useFactory: () => ({ ready: true }) }];
