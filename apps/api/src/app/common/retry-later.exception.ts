import { HttpException } from '@nestjs/common';

/**
 * A refusal for now: 429 (this client asked too often) or 503 (the server is busy). The error filter
 * sends `Retry-After` with it, in whole seconds.
 */
export class RetryLaterException extends HttpException {
  constructor(
    status: 429 | 503,
    readonly retryAfterSeconds: number,
    message: string,
  ) {
    super({ statusCode: status, error: status === 429 ? 'Too Many Requests' : 'Service Unavailable', message }, status);
  }
}
