import { type HttpInterceptorFn, HttpResponse } from '@angular/common/http';
import { of } from 'rxjs';
import { takeFirstPaintAnswer } from '../first-paint';

/**
 * The app's first request for an address the home page's first paint has read already (the plan,
 * the partnerships, who is signed in) is answered with what it read, once: the browser's preloaded
 * answer serves one request only, and the app shows what the first paint showed.
 */
export const firstPaintAnswers: HttpInterceptorFn = (request, next) => {
  const body = request.method === 'GET' ? takeFirstPaintAnswer(request.urlWithParams) : undefined;
  return body === undefined ? next(request) : of(new HttpResponse({ status: 200, statusText: 'OK', url: request.urlWithParams, body }));
};
