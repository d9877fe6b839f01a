import { Injectable } from '@nestjs/common';
import axios from 'axios';
import { MAIL_API } from './mail.constants';

@Injectable()
export class MailerService {
  async send(to: string, template: string) {
    await axios.post(MAIL_API, { to, template }, { timeout: 5000 });
  }
}
