import { Controller, Get, Param } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { getCaBundle, getCertificate, getJwks, getPrivateKey, getSigningKey } from './certificates';

@Controller('tls')
export class TlsController {
  constructor(private readonly config: ConfigService) {}

  @Get('cert')
  async cert() {
    return {
      cert: getCertificate(),
      key: getPrivateKey(this.config).length,
      ca: getCaBundle(),
      jwks: await getJwks(),
    };
  }

  @Get('sign/:tenant')
  sign(@Param('tenant') tenant: string) {
    return getSigningKey(tenant).length;
  }
}
