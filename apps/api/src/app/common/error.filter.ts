import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { AuthEventsService } from '../auth/auth-events.service';
import type { AuthRequest } from '../auth/auth.types';
import { SAFE_METHODS } from '../auth/xsrf';
import { RetryLaterException } from './retry-later.exception';

/**
 * Every error answer of the API. HTTP errors keep their body; anything else is logged with its
 * stack and answered with a generic 500 that tells nothing about the code. Writes refused with
 * 401 or 403 go to the security log.
 */
@Catch()
@Injectable()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  constructor(private readonly events: AuthEventsService) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<AuthRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    const { status, body } = this.describe(exception, request);

    // A refused sign-in is written down by the sign-in itself (once per window when throttled).
    if ((status === 401 || status === 403) && !SAFE_METHODS.has(request.method) && !request.path.startsWith('/api/auth/login')) {
      const message = typeof body['message'] === 'string' ? body['message'] : '';
      await this.events.record('write_refused', {
        email: request.user?.email ?? null,
        userId: request.user?.id ?? null,
        ip: request.ip ?? null,
        detail: `${request.method} ${request.originalUrl.slice(0, 200)}: ${status} ${message}`,
      });
    }
    if (!response.headersSent) {
      if (exception instanceof RetryLaterException) {
        response.setHeader('Retry-After', String(exception.retryAfterSeconds));
      }
      response.status(status).json(body);
    }
  }

  private describe(exception: unknown, request: AuthRequest): { status: number; body: Record<string, unknown> } {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const answer = exception.getResponse();
      const body = typeof answer === 'string' ? { statusCode: status, error: exception.name, message: answer } : (answer as Record<string, unknown>);
      return { status, body };
    }
    // Errors of the body parser, before any route, carry a status and a type (Nest itself turns
    // malformed JSON into a 400 that quotes the parser's message).
    const parserError = exception as { status?: number; type?: string; limit?: number; expose?: boolean };
    if (parserError?.type === 'entity.too.large') {
      return {
        status: HttpStatus.PAYLOAD_TOO_LARGE,
        body: { statusCode: 413, error: 'Payload Too Large', message: `the request body is larger than ${Math.round((parserError.limit ?? 0) / 1024)} kB` },
      };
    }
    // A body that cannot be decompressed (bad gzip or brotli) comes as a 400 without a type.
    if (typeof parserError?.status === 'number' && parserError.status >= 400 && parserError.status < 500 && (parserError.type || parserError.expose)) {
      const reason = parserError.type ?? 'its Content-Encoding could not be decoded';
      return {
        status: parserError.status,
        body: { statusCode: parserError.status, error: 'Bad Request', message: `the request body could not be read (${reason})` },
      };
    }
    this.logger.error(`${request.method} ${request.originalUrl}: ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { statusCode: 500, error: 'Internal Server Error', message: 'something went wrong on the server; it has been logged' },
    };
  }
}
