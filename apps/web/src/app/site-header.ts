import type { Role } from '@tracker/contracts';

/** One link of the main navigation: its words, its address, and whether it keeps the partnership (`?partnership=`). */
export interface NavLink {
  label: string;
  path: string;
  keepsPartnership: boolean;
  /** Active only on exactly this address (the timeline, `/`), not on the addresses under it. */
  exact: boolean;
}

/**
 * The header's main navigation: the timeline, each Action of the partnership shown, the
 * organisations, risks and versions, and for the Secretariat the accounts and the import. Drawn by
 * the app's header and by the home page's first paint, which must look the same.
 */
export function mainNavigation(actionNumbers: number[], role: Role | null): NavLink[] {
  const page = (label: string, path: string, keepsPartnership = true): NavLink => ({ label, path, keepsPartnership, exact: path === '/' });
  return [
    page('Timeline', '/'),
    ...actionNumbers.map((number) => page(`Action ${number}`, `/actions/${number}`)),
    page('Organisations', '/organisations'),
    page('Risks', '/risks'),
    page('Versions', '/versions'),
    ...(role === 'secretariat' ? [page('Accounts', '/accounts', false), page('Import a plan', '/import', false)] : []),
  ];
}
