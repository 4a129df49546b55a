import type { LoggerService } from '@nestjs/common';
import { Logger, PinoLogger, type Params } from 'nestjs-pino';
import pino from 'pino';
import pretty from 'pino-pretty';

/** Control characters (a newline would start a forged log line) and the backslash that escapes them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f\u2028\u2029\\]/g;

/** Control characters alone, for what was escaped at its source already. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/g;

/** User input made safe for one log line: control characters written as JSON escapes (\n, \u0000). */
export function escapeForLog(value: string): string {
  return value.replace(UNSAFE, (c) => JSON.stringify(c).slice(1, -1));
}

/**
 * The process's logger: pino, one JSON object per line on stdout in production (what log
 * collectors read), readable lines in development and tests. Messages are escaped either way: JSON
 * escapes them, and the readable form writes control characters as escapes.
 */
export function createLogger(environment: string): LoggerService {
  const options: pino.LoggerOptions = {
    level: process.env['LOG_LEVEL'] || 'info',
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    messageKey: 'msg',
  };
  const stream =
    environment === 'production'
      ? pino.destination({ dest: 1, sync: true })
      : pretty({
          sync: true,
          colorize: false,
          translateTime: 'SYS:yyyy-mm-dd HH:MM:ss',
          ignore: 'pid,hostname,context',
          messageFormat: (log, messageKey) =>
            `${log['context'] ? `[${String(log['context'])}] ` : ''}${String(log[messageKey] ?? '').replace(CONTROL, (c) => JSON.stringify(c).slice(1, -1))}`,
        });
  const params: Params = { pinoHttp: { logger: pino(options, stream), autoLogging: false } };
  return new Logger(new PinoLogger(params), params);
}
