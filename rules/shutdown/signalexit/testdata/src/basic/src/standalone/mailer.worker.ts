// A plain Node process started with `node dist/standalone/mailer.worker.js`:
// no NestFactory reaches it, so there is no app to close.
import { Worker } from 'bullmq';
import { sendMail } from './send-mail';

const worker = new Worker('mail', async (job) => sendMail(job.data), {
  connection: { host: process.env.REDIS_HOST },
});

process.on('SIGTERM', () => {
  void worker.close();
  process.exit(0);
});
