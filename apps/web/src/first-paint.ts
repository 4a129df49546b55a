/**
 * The home page's first paint: the chart page's header, heading, lede, legend and chart drawn from
 * the API's answers before the framework has started, by the chart's own drawing code, so a reader
 * sees the chart as soon as the plan is here. The app starts after it, renders the same page out of
 * sight from the same answers (handed over, not asked for again), takes the chart over as it is (the
 * same elements, nothing drawn twice), and then shows itself in the first paint's place in one step:
 * nothing moves on the screen.
 *
 * Only the plain home page is painted first (`/`, or `/?partnership=key`): a filtered, compared or
 * linked view (`?action=`, `?baseline=`, `?item=` ...) is drawn by the app alone. Nothing here uses
 * the framework: this module is what the entry script runs before it loads the app.
 */
import type { GanttData, PartnershipSummary, SessionState } from '@tracker/contracts';
import { daysToDeadline, today } from '@tracker/schedule';
import { drawChart } from './app/gantt/chart-drawing';
import { BOX_SHARE_OF_VIEWPORT, chartHeight } from './app/gantt/chart-options';
import { ALL_EXPANDED, type ChartInputs, chartPageItems, chartPageRows, planStart, sameChart } from './app/gantt/gantt-model';
import { legendEntries } from './app/gantt/legend';
import type { WindowedGantt } from './app/gantt/windowed-gantt';
import { ACCOUNT_ROLE_LABELS, formatLongDay } from './app/plan/labels';
import { firstPaintPartnership, partnershipQuery } from './app/partnership/partnership-query';
import { mainNavigation } from './app/site-header';

/** The marks the benchmark and the browser tests read: when the chart was drawn, how often, and when the app showed itself. */
interface Marks {
  __wpGanttRenderedAt?: number;
  __wpGanttDraws?: number;
  __wpAppReadyAt?: number;
}

/** A first paint waiting for the app: what it drew, and its elements. */
interface Painted {
  inputs: ChartInputs;
  gantt: WindowedGantt;
  /** The first paint's own copy of the page, shown in place of the app until it is ready. */
  block: HTMLElement;
  /** The app's element, laid out but out of sight meanwhile. */
  root: HTMLElement;
  /** Where the chart was scrolled when the app took it over. */
  scrolled?: { left: number; top: number };
}

let painted: Painted | null = null;
/** The API's answers the first paint read, by address (as the app asks for them), each for the app's first request of it. */
const answers = new Map<string, unknown>();

/** Records that the chart was drawn now (the benchmark's and the browser tests' mark). */
export function markDrawn(): void {
  const marks = window as unknown as Marks;
  marks.__wpGanttRenderedAt = performance.now();
  marks.__wpGanttDraws = (marks.__wpGanttDraws ?? 0) + 1;
}

/** An answer the first paint read for this address (path and query, as the app asks), once; undefined otherwise. */
export function takeFirstPaintAnswer(address: string): unknown {
  const body = answers.get(address);
  answers.delete(address);
  return body;
}

/** A GET of the API as JSON, or null when it fails. */
async function read<T>(address: string): Promise<T | null> {
  try {
    const answer = await fetch(address);
    return answer.ok ? ((await answer.json()) as T) : null;
  } catch {
    return null;
  }
}

/**
 * Paints the chart page of this address before the app starts, if it gets a first paint: reads the
 * plan, the partnerships and who is signed in (the requests the server's preload hints have already
 * started), and draws the page's header and top with its chart in place of the app's element.
 * Settles when drawn, or at once when there is nothing to draw; a failure leaves the page to the app.
 */
export async function paintChartPage(): Promise<void> {
  const partnership = firstPaintPartnership(location.pathname, location.search);
  const root = document.querySelector<HTMLElement>('wp-root');
  if (partnership === null || root === null) {
    return;
  }
  const query = new URLSearchParams(partnershipQuery(partnership)).toString();
  const suffix = query ? `?${query}` : '';
  const addresses = { plan: `/api/gantt${suffix}`, session: `/api/auth/session${suffix}`, partnerships: '/api/partnerships' };
  const [data, session, partnerships] = await Promise.all([
    read<GanttData>(addresses.plan),
    read<SessionState>(addresses.session),
    read<PartnershipSummary[]>(addresses.partnerships),
  ]);
  if (data === null || session === null || partnerships === null) return;
  answers.set(addresses.plan, data);
  answers.set(addresses.session, session);
  answers.set(addresses.partnerships, partnerships);
  // The answers are read in one task and the page drawn in the next: two shorter tasks, not one long one.
  await nextTask();
  const asOf = today();
  const items = chartPageItems(data.items, asOf, data.partnership.deadline);
  const rows = chartPageRows(items, data.actions, ALL_EXPANDED);
  if (rows.length === 0) return;
  const inputs: ChartInputs = { rows, viewMode: 'Month', scrollTo: planStart(items), deadline: data.partnership.deadline };

  // The page as the app lays it out (app.component.ts, gantt-page.component.html): the header, then
  // the main element with the page's heading and the chart section.
  const block = element('div', { class: 'first-paint' });
  block.inert = true;
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
  const host = element('div', { class: 'gantt-host', 'data-chart-rows': String(rows.length) });
  host.style.minHeight = `min(${chartHeight(rows.length)}px, ${BOX_SHARE_OF_VIEWPORT * 100}vh)`;
  const section = element('section', { class: 'chart-section' }, element('h2', {}, 'Gantt chart'), element('wp-legend', {}, legend));
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
  root.setAttribute('data-first-paint', '');
  root.before(block);
  const gantt = drawChart(host, inputs);
  host.setAttribute('data-rendered-bars', String(gantt.bars.length));
  markDrawn();
  painted = { inputs, gantt, block, root };
}

/**
 * The header as the app draws it on the chart page (app.component.ts) once it knows the
 * partnerships and who is signed in: the name, the main navigation with the timeline current, the
 * partnership menu when there is more than one, and the account.
 */
function siteHeader(partnership: string, partnerships: PartnershipSummary[], session: SessionState, suffix: string): HTMLElement {
  const shown = partnerships.find((p) => p.key === partnership) ?? null;
  const links = mainNavigation(shown?.actions.map((action) => action.number) ?? [], session.user?.role ?? null).map((link) => {
    const current = link.path === '/';
    const anchor = element('a', { href: `${link.path}${link.keepsPartnership ? suffix : ''}` }, link.label);
    if (current) {
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
    const select = element('select', {}, ...partnerships.map((p) => element('option', { value: p.key }, p.name)));
    (select as HTMLSelectElement).value = partnership;
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

/** Whether a first paint is on the screen, waiting for the app to take its place. */
export function firstPaintShown(): boolean {
  return painted !== null;
}

/**
 * The first paint's chart, moved into `host` (the app's chart element) as it is, when it drew what
 * the app would draw now; null otherwise (the app draws its own). It is scrolled back to where it was
 * when the app shows itself (revealApp): read now, set then, with one layout of the page between.
 */
export function adoptFirstPaint(inputs: ChartInputs, host: HTMLElement): WindowedGantt | null {
  if (painted === null || !sameChart(painted.inputs, inputs)) {
    return null;
  }
  const { gantt } = painted;
  const from = gantt.$container.parentElement;
  if (from === null) return null;
  painted.scrolled = { left: gantt.$container.scrollLeft, top: gantt.$container.scrollTop };
  host.replaceChildren(...from.childNodes);
  host.setAttribute('data-rendered-bars', String(gantt.bars.length));
  return gantt;
}

/**
 * The app shows itself in the first paint's place, in one step (no frame shows both or neither),
 * and says when (`__wpAppReadyAt`, the first time). Does nothing more when there was no first paint.
 */
export function revealApp(): void {
  const marks = window as unknown as Marks;
  marks.__wpAppReadyAt ??= performance.now();
  answers.clear();
  if (painted === null) return;
  const { block, root, gantt, scrolled } = painted;
  painted = null;
  block.remove();
  root.removeAttribute('data-first-paint');
  if (scrolled) {
    gantt.$container.scrollLeft = scrolled.left;
    gantt.$container.scrollTop = scrolled.top;
  }
}

/** Settles in a task of its own, after what the browser has waiting (input, a frame). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** An element with its attributes and children. */
function element(name: string, attributes: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElement {
  const made = document.createElement(name);
  for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, value);
  made.append(...children);
  return made;
}
