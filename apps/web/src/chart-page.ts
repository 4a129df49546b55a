/**
 * The chart page as the app lays it out (app.component.ts, gantt-page.component.html), built
 * framework-free for the home page's first paint: the header, the page's heading, lede and legend,
 * the chart tools and the chart's box, made from the three answers the page reads (the plan, who is
 * signed in, the partnerships). The server builds it (server-paint.ts) and sends it with the page,
 * so a reader sees the chart before any script has run; the app then shows itself in its place.
 * Uses the global `document`: the browser's, or the server's own.
 */
import type { GanttData, PartnershipSummary, SessionState } from '@tracker/contracts';
import { type CalendarDate, daysToDeadline, timelineTitle } from '@tracker/schedule';
import { BOX_SHARE_OF_VIEWPORT, chartHeight } from './app/gantt/chart-options';
import { ALL_EXPANDED, type ChartInputs, chartKey, chartPageItems, chartPageRows, planStart } from './app/gantt/gantt-model';
import { legendEntries } from './app/gantt/legend';
import { ACCOUNT_ROLE_LABELS, formatLongDay } from './app/plan/labels';
import { partnershipQuery } from './app/partnership/partnership-query';
import { mainNavigation, shownNavigation } from './app/site-header';

/** What the chart page is drawn from: the API's answers the page reads as it opens. */
export interface ChartPageAnswers {
  plan: GanttData;
  session: SessionState;
  partnerships: PartnershipSummary[];
}

/** The chart page built: its block (not yet in a document), the chart's box, and what the chart is drawn from. */
export interface ChartPage {
  block: HTMLElement;
  host: HTMLElement;
  inputs: ChartInputs;
}

/** The addresses of the three answers, as the page asks for them, for the partnership of key `partnership`. */
export function chartPageAddresses(partnership: string): Record<keyof ChartPageAnswers, string> {
  const suffix = querySuffix(partnership);
  return { plan: `/api/gantt${suffix}`, session: `/api/auth/session${suffix}`, partnerships: '/api/partnerships' };
}

/** The query naming the partnership in the page's links and requests (`?partnership=key`), none for the Work Plan. */
function querySuffix(partnership: string): string {
  const query = new URLSearchParams(partnershipQuery(partnership)).toString();
  return query ? `?${query}` : '';
}

/**
 * The chart page of `partnership` as of the day `asOf`, every item shown, in a block of class
 * `first-paint` (inert: a picture of the page until the app takes its place), or null when the plan
 * has nothing to draw. The chart itself is drawn into `host` by the caller, once the block is in its
 * document (`drawChart(host, inputs)`).
 */
export function chartPage({ plan: data, session, partnerships }: ChartPageAnswers, partnership: string, asOf: CalendarDate): ChartPage | null {
  const suffix = querySuffix(partnership);
  const items = chartPageItems(data.items, asOf, data.partnership.deadline);
  const rows = chartPageRows(items, data.actions, ALL_EXPANDED);
  if (rows.length === 0) return null;
  const inputs: ChartInputs = { rows, viewMode: 'Month', scrollTo: planStart(items), deadline: data.partnership.deadline };

  // The page as the app lays it out (app.component.ts, gantt-page.component.html): the header, then
  // the main element with the page's heading and the chart section.
  const block = element('div', { class: 'first-paint' });
  block.setAttribute('inert', '');
  const page = element('wp-gantt-page');
  block.append(siteHeader(partnership, partnerships, session, suffix), element('main', {}, element('router-outlet'), page));
  const days = daysToDeadline(asOf, data.partnership.deadline);
  const count = data.actions.length === 4 ? 'four' : String(data.actions.length);
  page.append(
    element(
      'header',
      { class: 'page-header' },
      element('h1', {}, 'Work Plan timeline'),
      element(
        'p',
        { class: 'lede' },
        `The ${count} Actions of the ${data.partnership.name}, as planned in its Work Plan. `,
        element('strong', {}, `${days} days`),
        ` to the end of the phase on ${formatLongDay(data.partnership.deadline)}. `,
      ),
    ),
  );
  const legend = element('ul', { class: 'legend', 'aria-label': 'How to read the chart' });
  for (const entry of legendEntries(data.partnership.deadline)) {
    legend.append(element('li', {}, ...(entry.swatch ? [element('span', { class: `swatch ${entry.swatch}`, 'aria-hidden': 'true' })] : []), entry.text));
  }
  // The key of what the chart draws: the app takes this chart over when it would draw the same (first-paint.ts).
  const host = element('div', { class: 'gantt-host', 'data-chart-rows': String(rows.length), 'data-chart-key': chartKey(inputs, asOf) });
  host.setAttribute('style', `min-height: min(${chartHeight(rows.length)}px, ${BOX_SHARE_OF_VIEWPORT * 100}vh)`);
  const section = element(
    'section',
    { class: 'chart-section' },
    element('h2', {}, `Gantt chart: ${timelineTitle(data.items.map((i) => i.source))}`),
    element('wp-legend', {}, legend),
  );
  if (data.actions.length > 1) {
    section.append(
      element(
        'p',
        { class: 'chart-tools' },
        element('button', { type: 'button', class: 'button secondary' }, 'Show all items'),
        element('button', { type: 'button', class: 'button secondary' }, 'Show Actions only'),
        element('span', { class: 'muted' }, "Select an Action's bar to show or hide its items."),
      ),
    );
  }
  section.append(element('wp-gantt-chart', {}, host));
  page.append(section);
  return { block, host, inputs };
}

/**
 * The header as the app draws it on the chart page (app.component.ts) once it knows the
 * partnerships and who is signed in: the name, the main navigation with the timeline current, the
 * partnership menu when there is more than one, and the account.
 */
function siteHeader(partnership: string, partnerships: PartnershipSummary[], session: SessionState, suffix: string): HTMLElement {
  const shown = partnerships.find((p) => p.key === partnership) ?? null;
  // The timeline is the page shown: the app's header marks the same link (site-header.ts).
  const navigation = mainNavigation(shown?.actions.map((action) => action.number) ?? [], session.user?.role ?? null);
  const links = shownNavigation(navigation, partnershipQuery(partnership), `/${suffix}`).map((link) => {
    const anchor = element('a', { href: link.href }, link.label);
    if (link.current) {
      anchor.className = 'active';
      anchor.setAttribute('aria-current', 'page');
    }
    return element('li', {}, anchor);
  });
  const header = element(
    'header',
    { class: 'site-header' },
    element(
      'div',
      { class: 'brand' },
      element('span', { class: 'brand-title' }, 'Work Plan tracker'),
      element('span', { class: 'brand-sub' }, 'Urban Agenda for the EU · Partnership on the Inclusion of Migrants and Refugees'),
    ),
    element('nav', { 'aria-label': 'Main' }, element('ul', {}, ...links)),
  );
  if (partnerships.length > 1) {
    const select = element(
      'select',
      {},
      ...partnerships.map((p) => element('option', { value: p.key, ...(p.key === partnership ? { selected: '' } : {}) }, p.name)),
    );
    header.append(element('div', { class: 'partnership-switch' }, element('label', {}, 'Partnership'), select));
  }
  const user = session.user;
  header.append(
    element(
      'div',
      { class: 'account' },
      ...(user
        ? [
            element('span', {}, 'Signed in as ', element('strong', {}, user.name), ` (${ACCOUNT_ROLE_LABELS[user.role]})`),
            element('a', { href: '/settings', class: 'settings-link' }, 'Settings'),
            element('button', { type: 'button', class: 'link-button' }, 'Sign out'),
          ]
        : [element('a', { href: '/sign-in', class: 'sign-in-link' }, 'Sign in')]),
    ),
  );
  return header;
}

/** An element with its attributes and children. */
function element(name: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const made = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
  made.append(...children);
  return made;
}
