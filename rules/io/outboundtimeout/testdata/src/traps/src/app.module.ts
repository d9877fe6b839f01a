import { Module } from '@nestjs/common';
import { HttpModule } from '@nestjs/axios';
import { ConfigService } from '@nestjs/config';
import { GeoController } from './geo/geo.controller';
import { GeoService } from './geo/geo.service';
import { WeatherService } from './geo/weather.service';

@Module({
  imports: [
    HttpModule.registerAsync({
      useFactory: (config: ConfigService) => ({ timeout: config.get<number>('HTTP_TIMEOUT_MS') }),
      inject: [ConfigService],
    }),
  ],
  controllers: [GeoController],
  providers: [GeoService, WeatherService],
})
export class AppModule {}
