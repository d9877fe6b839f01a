import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { Request, Response } from 'express';

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const isHttp = exception instanceof HttpException;
    const status = isHttp ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status >= 500) {
      this.logger.error(`${req.method} ${req.url} failed`, (exception as Error)?.stack);
    }
    res.status(status).json({
      statusCode: status,
      message: isHttp ? exception.message : 'internal server error',
      path: req.url,
      requestId: req.headers['x-request-id'],
      timestamp: new Date().toISOString(),
    });
  }
}
