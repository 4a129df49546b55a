import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { z } from 'zod';

/** The media types of the files the API answers with. */
export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  svg: 'image/svg+xml',
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ics: 'text/calendar',
  html: 'text/html',
  text: 'text/plain',
  /** Bytes of a type the API does not fix itself (an uploaded file): with the types it may be. */
  binary: 'application/octet-stream',
} as const;
/** A media type: one of {@link MEDIA_TYPES}, or another `type/subtype` (the accepted types of an uploaded file). */
export type MediaType = (typeof MEDIA_TYPES)[keyof typeof MEDIA_TYPES] | `${string}/${string}`;

/** The error answers an operation documents, by status. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503;

/** A JSON answer's schema: one contract, or `[Contract]` for a list of them. */
export type AnswerSchema = z.ZodType | readonly [z.ZodType];

export interface OperationOptions {
  summary?: string;
  /** The success status; 200 by default. */
  status?: 200 | 201 | 202 | 204 | 302;
  /** What the success answer holds, in words. */
  description: string;
  /** The success answer's JSON schema (a contract of libs/contracts)... */
  response?: AnswerSchema;
  /** ...or the media types of the file it sends; neither for an answer without a body (204, 302). */
  files?: readonly MediaType[];
  /** The error answers, by status: when each happens. */
  errors?: Partial<Record<ErrorStatus, string>>;
}

/** What the response check (response-check.interceptor.ts) reads from a handler. */
export interface DeclaredAnswer {
  status: number;
  schema: z.ZodType | null;
  files: readonly MediaType[];
}

export const DECLARED_ANSWER = 'tracker:declared-answer';

/** The schema as one zod type: `[X]` is a list of X. */
export function answerSchema(schema: AnswerSchema): z.ZodType {
  return Array.isArray(schema) ? z.array((schema as readonly [z.ZodType])[0]) : (schema as z.ZodType);
}

const COMPONENTS = '#/components/schemas/';

/**
 * The OpenAPI 3.1 schema (JSON Schema 2020-12) of a contract: named contracts (those with an `id` in their metadata) are
 * referenced from the document's components (see {@link contractComponents}), never repeated.
 */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }) as Record<string, unknown>;
  const { $defs: _defs, definitions: _definitions, $schema: _schema, ...rest } = json;
  const id = z.globalRegistry.get(schema)?.id;
  return rewriteRefs(id ? { $ref: `${COMPONENTS}${id}` } : rest) as Record<string, unknown>;
}

/** Every named contract as an OpenAPI component, referencing one another. */
export function contractComponents(): Record<string, SchemaObject> {
  const { schemas } = z.toJSONSchema(z.globalRegistry, {
    unrepresentable: 'any',
    io: 'output',
    uri: (id) => `${COMPONENTS}${id}`,
  });
  const components: Record<string, SchemaObject> = {};
  for (const [id, schema] of Object.entries(schemas)) {
    const { $id: _id, $schema: _schema, ...rest } = schema as Record<string, unknown>;
    components[id] = rewriteRefs(rest) as SchemaObject;
  }
  return components;
}

/** `#/$defs/X` (zod's references to a named contract) as `#/components/schemas/X`. */
function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(rewriteRefs);
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [
        key,
        key === '$ref' && typeof item === 'string' ? item.replace(/^#\/(\$defs|definitions)\//, COMPONENTS) : rewriteRefs(item),
      ]),
    );
  }
  return value;
}

/**
 * One operation of the API as OpenAPI describes it: its summary, its success answer (a contract's
 * schema, the media types of a file, or no body) and its error answers; the response check of the
 * tests reads the same declaration.
 */
export function Operation(options: OperationOptions): MethodDecorator {
  const status = options.status ?? 200;
  const schema = options.response ? answerSchema(options.response) : null;
  const files = options.files ?? [];
  const decorators: (MethodDecorator | ClassDecorator)[] = [SetMetadata(DECLARED_ANSWER, { status, schema, files } satisfies DeclaredAnswer)];
  if (options.summary) {
    decorators.push(ApiOperation({ summary: options.summary }));
  }
  if (schema) {
    decorators.push(ApiResponse({ status, description: options.description, content: { 'application/json': { schema: openApiSchema(schema) } } }));
  } else if (files.length > 0) {
    decorators.push(ApiProduces(...files));
    decorators.push(
      ApiResponse({
        status,
        description: options.description,
        content: Object.fromEntries(files.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
      }),
    );
  } else {
    decorators.push(ApiResponse({ status, description: options.description }));
  }
  for (const [code, description] of Object.entries(options.errors ?? {})) {
    decorators.push(ApiResponse({ status: Number(code), description }));
  }
  return applyDecorators(...decorators);
}
