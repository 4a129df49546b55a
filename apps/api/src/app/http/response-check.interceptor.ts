import { type CallHandler, type ExecutionContext, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DECLARED_ANSWER, type DeclaredAnswer } from './operation';

/** The error of an answer that breaks its contract. */
export const CONTRACT_BROKEN = 'Answer does not match its contract';

/**
 * Checks every success answer against what its operation declares (the `@Operation` decorator):
 * a JSON answer against its contract's schema, field by field, unknown fields included; a file
 * against its media types. An answer that breaks its contract becomes a 500 naming the operation
 * and the path of each mismatch, and is logged. On under test (CHECK_RESPONSES, see config.ts): the
 * API suite then checks every answer it receives, so SQL that drifts from a contract turns it red.
 *
 * It checks the bytes as they leave (`response.end`), so answers that handlers send themselves (the
 * plan's cached views, already compressed) are checked like the others.
 */
@Injectable()
export class ResponseCheckInterceptor implements NestInterceptor {
  private readonly logger = new Logger('ResponseCheck');

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const declared = Reflect.getMetadata(DECLARED_ANSWER, context.getHandler()) as DeclaredAnswer | undefined;
      const http = context.switchToHttp();
      this.watch(http.getRequest<Request>(), http.getResponse<Response>(), declared ?? null);
    }
    return next.handle();
  }

  private watch(request: Request, response: Response, declared: DeclaredAnswer | null): void {
    const end = response.end.bind(response) as (...args: unknown[]) => Response;
    const operation = `${request.method} ${request.route?.path ?? request.path}`;
    response.end = ((...args: unknown[]) => {
      response.end = end as Response['end'];
      const chunk = typeof args[0] === 'function' ? undefined : args[0];
      const problems = problemsOf(declared, response, chunk);
      if (problems.length === 0) {
        return end(...args);
      }
      const message = `${operation}: ${problems.join('; ')}`;
      this.logger.error(`${CONTRACT_BROKEN}: ${message}`);
      // Loud in the tests' output whatever the server's logger is (the test server runs without one).
      console.error(`${CONTRACT_BROKEN}: ${message}`);
      if (response.headersSent) {
        return end(...args);
      }
      for (const header of ['Content-Encoding', 'Content-Length', 'ETag', 'Content-Disposition']) {
        response.removeHeader(header);
      }
      response.status(500).type('application/json');
      return end(JSON.stringify({ statusCode: 500, error: CONTRACT_BROKEN, message }));
    }) as Response['end'];
  }
}

/** What is wrong with a success answer, in words; none for an error answer or a right one. */
export function problemsOf(declared: DeclaredAnswer | null, response: Response, chunk: unknown): string[] {
  const status = response.statusCode;
  if (status < 200 || status >= 300) {
    return [];
  }
  const type = String(response.getHeader('Content-Type') ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  const body = bodyOf(chunk, response.getHeader('Content-Encoding'));
  if (declared === null) {
    return type === 'application/json' ? ['a JSON answer of an operation that declares no contract'] : [];
  }
  if (status !== declared.status) {
    return [`answered ${status}, declares ${declared.status}`];
  }
  if (declared.files.length > 0) {
    return (declared.files as readonly string[]).includes(type) ? [] : [`answered ${type || 'no type'}, declares ${declared.files.join(', ')}`];
  }
  if (declared.schema === null) {
    return body.length === 0 ? [] : [`answered a body (${type || 'no type'}), declares none`];
  }
  if (type !== 'application/json') {
    return [`answered ${type || 'no type'}, declares JSON`];
  }
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return ['the body is not JSON'];
  }
  const result = declared.schema.safeParse(value);
  return result.success ? [] : result.error.issues.slice(0, 10).map((issue) => `${issue.path.join('.') || '(the answer)'}: ${issue.message}`);
}

function bodyOf(chunk: unknown, encoding: unknown): Buffer {
  const raw = chunk === undefined || chunk === null ? Buffer.alloc(0) : Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
  if (raw.length === 0) {
    return raw;
  }
  if (encoding === 'br') {
    return brotliDecompressSync(raw);
  }
  if (encoding === 'gzip') {
    return gunzipSync(raw);
  }
  return raw;
}
