import type { LoggerService } from '@nestjs/common';
import { Logger, PinoLogger, type Params } from 'nestjs-pino';
import pino from 'pino';
import pretty from 'pino-pretty';

/**
 * Control characters (a newline would start a forged log line), the line and paragraph separators
 * and next-line (U+2028, U+2029, U+0085: line ends to many viewers), and the backslash that escapes them.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/g;

/** Control characters and separators alone, for what was escaped at its source already. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** What JSON leaves as it is in a string (DEL, the C1 controls, the separators): escaped in JSON log lines too. */
const RAW_IN_JSON = /[\u007f-\u009f\u2028\u2029]/g;

/** One character as a JSON escape: `\n` where JSON has a short one, `\u2028` otherwise (JSON.stringify keeps U+2028 as is). */
function escape(c: string): string {
  const short = JSON.stringify(c).slice(1, -1);
  return short !== c ? short : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** User input made safe for one log line: control characters and separators written as JSON escapes (\n, \u0000, \u2028). */
export function escapeForLog(value: string): string {
  return value.replace(UNSAFE, escape);
}

/**
 * A JSON log line with DEL, the C1 controls and the separators escaped. They can only be inside
 * its strings (JSON's own syntax is ASCII), where `\u2028` is the same character, escaped.
 */
export function escapeJsonLine(line: string): string {
  return line.replace(RAW_IN_JSON, escape);
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
    hooks: { streamWrite: escapeJsonLine },
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
            `${log['context'] ? `[${String(log['context'])}] ` : ''}${String(log[messageKey] ?? '').replace(CONTROL, escape)}`,
        });
  const params: Params = { pinoHttp: { logger: pino(options, stream), autoLogging: false } };
  return new Logger(new PinoLogger(params), params);
}
