import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';

/** The query naming a partnership in links and API requests: none for the Work Plan (the default everywhere). */
export function partnershipQuery(key: string): Record<string, string> {
  return key === DEFAULT_PARTNERSHIP_KEY ? {} : { partnership: key };
}

/** The `?partnership=` of a URL, the Work Plan when it has none. */
export function partnershipOf(url: string): string {
  const query = url.split('?')[1]?.split('#')[0] ?? '';
  return new URLSearchParams(query).get('partnership') || DEFAULT_PARTNERSHIP_KEY;
}

/**
 * The partnership whose chart page `pathname` and `search` open with the home page's first paint
 * (the plain home page, `/` or `/?partnership=key`), or null for any other address: another page, or
 * the chart with filters, a view, a compared version or an item to open, which the app draws alone.
 */
export function firstPaintPartnership(pathname: string, search: string): string | null {
  if (pathname !== '/') return null;
  const keys = [...new URLSearchParams(search).keys()];
  if (keys.length > 1 || keys.some((key) => key !== 'partnership')) return null;
  return partnershipOf(search);
}
