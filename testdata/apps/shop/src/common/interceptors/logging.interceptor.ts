import { CallHandler, ExecutionContext, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import { Request } from 'express';
import { Observable, tap } from 'rxjs';

@Injectable()
export class LoggingInterceptor implements NestInterceptor {
  private readonly logger = new Logger('HTTP');
  private handled = 0;

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<Request>();
    const started = process.hrtime.bigint();
    this.handled++;
    return next.handle().pipe(
      tap({
        next: () => this.log(req, started, 'ok'),
        error: (err: Error) => this.log(req, started, err.name),
      }),
    );
  }

  private log(req: Request, started: bigint, outcome: string): void {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    this.logger.log(`${req.method} ${req.originalUrl} ${outcome} ${ms.toFixed(1)}ms (#${this.handled})`);
  }
}
