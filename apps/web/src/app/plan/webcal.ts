/** A calendar feed's path (`/api/calendar/...`) as a `webcal://` address on this site, for calendar apps to subscribe to. */
export function webcalHref(path: string, origin: string = globalThis.location?.origin ?? 'http://localhost'): string {
  return `${origin.replace(/^https?:/, 'webcal:')}${path}`;
}
