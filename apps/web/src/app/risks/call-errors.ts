import { HttpErrorResponse } from '@angular/common/http';
/** The message shown when a request about monitoring calls fails: sign-in, a conflict, or the API's own words for bad input. */
export function describeCallError(error: unknown, fallback: string): string {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 401) return 'The monitoring calls need sign-in.';
    if (error.status === 409) return 'Someone else changed this meanwhile; the current values are shown. Try again.';
    if (error.status === 400 || error.status === 403) {
      const message = [error.error?.message].flat().join('; ');
      return `${fallback} ${message.charAt(0).toUpperCase()}${message.slice(1)}.`;
    }
  }
  return fallback;
}

/** The current record a 409 answer carries, if any. */
export function conflictCurrent<T>(error: unknown): T | null {
  return error instanceof HttpErrorResponse && error.status === 409 && error.error?.current ? (error.error.current as T) : null;
}
