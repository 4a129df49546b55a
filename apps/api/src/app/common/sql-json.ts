import type { z } from 'zod';

let checking = false;

/** Whether JSON read from SQL is checked against its contract: with CHECK_RESPONSES (see configure-app.ts). */
export function checkSqlJson(on: boolean): void {
  checking = on;
}

/**
 * JSON that SQL wrote, read as its contract: under test checked against the schema (a mismatch
 * throws, naming the fields), never merely cast; the answers themselves are checked as they leave
 * (http/response-check.interceptor.ts).
 */
export function fromSqlJson<S extends z.ZodType>(schema: S, text: string): z.output<S> {
  const value: unknown = JSON.parse(text);
  return checking ? schema.parse(value) : (value as z.output<S>);
}
