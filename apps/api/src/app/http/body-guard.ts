import type { NextFunction, Request, Response } from 'express';

/** Deepest nesting of arrays and objects a request body may have. */
export const MAX_BODY_DEPTH = 32;

/** Keys that would reach an object's prototype in code that copies bodies around. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Half of a UTF-16 surrogate pair without its other half (with the u flag, a whole pair is one code point). */
const LONE_SURROGATE = /\p{Surrogate}/u;

/**
 * Checks every parsed body and query before validation, iteratively (a body of 5,000 nested arrays
 * must not overflow the stack of a recursive validator): at most MAX_BODY_DEPTH levels, no
 * `__proto__`, `constructor` or `prototype` key, no NUL character in any text (Postgres stores
 * none), and no lone UTF-16 surrogate (JSON's `"\ud800"` parses to half of a character, which no
 * UTF-8 text, JSON column or address can hold). A failure is a 400 that names the field.
 */
export function bodyGuard(req: Request, res: Response, next: NextFunction): void {
  const problem = inspect(req.body, 'body') ?? inspect(req.query, 'query');
  if (problem) {
    res.status(400).json({ statusCode: 400, error: 'Bad Request', message: problem });
    return;
  }
  next();
}

function inspect(root: unknown, where: 'body' | 'query'): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: '', depth: 0 }];
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) {
        return `${path || where} must not contain a NUL character`;
      }
      if (LONE_SURROGATE.test(value)) {
        return `${path || where} must be Unicode text: it holds a lone UTF-16 surrogate (half of a character)`;
      }
      continue;
    }
    // An uploaded file (the plan import's raw body) is bytes, read by its own parser.
    if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) {
      continue;
    }
    if (depth >= MAX_BODY_DEPTH) {
      return `the request ${where} is nested too deeply (more than ${MAX_BODY_DEPTH} levels)`;
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => stack.push({ value: item, path: `${path}[${index}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const field = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        return `property ${field} should not exist`;
      }
      if (key.includes('\u0000')) {
        return `a field name of the request ${where} must not contain a NUL character`;
      }
      if (LONE_SURROGATE.test(key)) {
        return `a field name of the request ${where} must be Unicode text: it holds a lone UTF-16 surrogate (half of a character)`;
      }
      stack.push({ value: (value as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return null;
}
