import { Controller, Get, OnModuleInit, Query } from '@nestjs/common';
import axios from 'axios';
import { GeoService } from './geo.service';
import { WeatherService } from './weather.service';

@Controller('geo')
export class GeoController implements OnModuleInit {
  constructor(private readonly geo: GeoService, private readonly weather: WeatherService) {}

  async onModuleInit() {
    // startup: a warm-up call, not on the request path
    await axios.get('https://geo.example.com/warmup');
  }

  @Get()
  async lookup(@Query('q') q: string) {
    const place = await this.geo.find(q);
    const weather = await this.weather.at(place.lat, place.lon);
    return { place, weather };
  }
}
