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
 * organisations, risks and versions, for people signed in the reports, and for the Secretariat the
 * accounts and the import. Drawn by
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
    ...(role === null ? [] : [page('Reports', '/reports')]),
    ...(role === 'secretariat' ? [page('Accounts', '/accounts', false), page('Import a plan', '/import', false)] : []),
  ];
}

/** A link of the main navigation as the header draws it: its address, and whether it is the page shown. */
export interface ShownNavLink extends NavLink {
  href: string;
  current: boolean;
}

/**
 * The links with their addresses (the partnership's query, `partnership`, kept where the link keeps
 * it) and which is the page at `url` (path and query, as the router gives it): the timeline only on
 * exactly its address, with the same query; another link on its address or under it, the query it
 * keeps among the page's.
 */
export function shownNavigation(links: NavLink[], partnership: Record<string, string>, url: string): ShownNavLink[] {
  const here = new URL(url, 'http://tracker.invalid');
  const suffix = new URLSearchParams(partnership).toString();
  return links.map((link) => {
    const kept = link.keepsPartnership ? Object.entries(partnership) : [];
    const href = kept.length > 0 ? `${link.path}?${suffix}` : link.path;
    const keptHere = kept.every(([name, value]) => here.searchParams.get(name) === value);
    const current = link.exact
      ? here.pathname === link.path && keptHere && [...here.searchParams.keys()].length === kept.length
      : (here.pathname === link.path || here.pathname.startsWith(`${link.path}/`)) && keptHere;
    return { ...link, href, current };
  });
}
