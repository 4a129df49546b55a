import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

/** Parses an Action number as written in the route, with a 400 that names the parameter and quotes the value. */
export function parseActionNumber(value: string): number {
  if (!/^\d{1,5}$/.test(value) || Number(value) < 1 || Number(value) > 32767) {
    throw new BadRequestException(`number must be a whole Action number, e.g. /api/actions/1, got "${value.slice(0, 60)}"`);
  }
  return Number(value);
}

/**
 * The `:number` of an Action route. A parameter decorator of its own, so that it reads the text of
 * the route (the global ValidationPipe would first turn "abc" into NaN for a `number` parameter).
 */
export const ActionNumberParam = createParamDecorator((_: unknown, context: ExecutionContext): number =>
  parseActionNumber(String(context.switchToHttp().getRequest<Request>().params['number'] ?? '')),
);
