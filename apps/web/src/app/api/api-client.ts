import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AnswerOf, ApiOperation, RequestOf } from '@tracker/contracts';
import type { Observable } from 'rxjs';

/** The address of an operation: its path with the path parameters filled in. */
export function urlOf(path: string, params: Record<string, string | number> = {}): string {
  return path.replace(/:(\w+)/g, (_, name: string) => {
    if (!(name in params)) {
      throw new Error(`${path} needs the path parameter ${name}`);
    }
    return encodeURIComponent(String(params[name]));
  });
}

/**
 * The API as the operations table of libs/contracts (`API`) describes it: `api.call(API.milestone,
 * { params: { id } })` is an `Observable<Milestone>`. A thin layer over HttpClient, so every request
 * still goes through its interceptors (the XSRF header, the answers of a first paint).
 */
@Injectable({ providedIn: 'root' })
export class ApiClient {
  private readonly http = inject(HttpClient);

  call<O extends ApiOperation>(
    operation: O,
    ...[request]: RequestOf<O> extends { params: object } | { body: unknown } ? [RequestOf<O>] : [RequestOf<O>?]
  ): Observable<AnswerOf<O>> {
    const { params, body, query, headers } = (request ?? {}) as {
      params?: Record<string, string | number>;
      body?: unknown;
      query?: RequestOf<O>['query'];
      headers?: Record<string, string>;
    };
    return this.http.request<AnswerOf<O>>(operation.method, urlOf(operation.path, params), { body, params: query, headers, responseType: 'json' });
  }
}
