import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { SamlStrategy } from './saml.strategy';

@Module({
  imports: [
    PassportModule.register({
      defaultStrategy: 'saml',
      strategies: [new SamlStrategy('/etc/saml/idp.pem')],
    }),
  ],
})
export class AuthModule {}
