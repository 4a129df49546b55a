/**
 * The home page's first paint, on the reader's side. The server sends the chart page already drawn
 * (server-paint.ts: the header, heading, lede, legend and chart, in a block of class `first-paint`,
 * inert, with the app's element out of sight beside it), so the chart is on the screen before any
 * script has run. The app starts from the answers the page was drawn from (read here, where the
 * server's preload hints have started them, and handed over, not asked for again), renders the same
 * page out of sight, takes the server's chart over as it is (the same elements, nothing drawn
 * twice) when it would draw the same, and shows itself in the first paint's place in one step:
 * nothing moves on the screen.
 *
 * Only the plain home page is painted first (`/`, or `/?partnership=key`): a filtered, compared or
 * linked view (`?action=`, `?baseline=`, `?item=` ...) is drawn by the app alone. Nothing here uses
 * the framework: this module is what the entry script runs before it starts the app.
 */
import type { ChartPageAnswers } from './chart-page';
import { chartPageAddresses } from './chart-page';
import { firstPaintPartnership } from './app/partnership/partnership-query';

/** The marks the benchmark and the browser tests read: when the app drew its chart, how often, and when the app showed itself. */
interface Marks {
  __wpGanttRenderedAt?: number;
  __wpGanttDraws?: number;
  __wpAppReadyAt?: number;
}

/** A first paint waiting for the app: the server's block, and the app's element, out of sight meanwhile. */
interface Painted {
  block: HTMLElement;
  root: HTMLElement;
  /** The chart's box once handed over to the app, and where it was scrolled then (set again when the app shows itself). */
  handed?: { box: HTMLElement; left: number; top: number };
}

let painted: Painted | null = null;
/** The API's answers the first paint was drawn from, by address (as the app asks for them), each for the app's first request of it. */
const answers = new Map<string, unknown>();

/** Records that the app drew its chart now (the benchmark's and the browser tests' mark). */
export function markDrawn(): void {
  const marks = window as unknown as Marks;
  marks.__wpGanttRenderedAt = performance.now();
  marks.__wpGanttDraws = (marks.__wpGanttDraws ?? 0) + 1;
}

/** An answer the first paint was drawn from for this address (path and query, as the app asks), once; undefined otherwise. */
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
 * Takes over the server's first paint of this page, if it has one: reads the plan, who is signed in
 * and the partnerships (the requests the server's preload hints have already started) for the app
 * to start from. Settles when they are read, or at once when there is no first paint; when one
 * cannot be read, the app asks for it itself.
 */
export async function takeOverFirstPaint(): Promise<void> {
  const block = document.querySelector<HTMLElement>('body > .first-paint');
  const root = document.querySelector<HTMLElement>('wp-root');
  if (block === null || root === null) {
    return;
  }
  // The page the server sent decides: the app takes the place of any first paint it drew.
  painted = { block, root };
  const partnership = firstPaintPartnership(location.pathname, location.search);
  if (partnership === null) return;
  const addresses = chartPageAddresses(partnership);
  const names = Object.keys(addresses) as (keyof ChartPageAnswers)[];
  const bodies = await Promise.all(names.map((name) => read(addresses[name])));
  names.forEach((name, i) => {
    if (bodies[i] !== null) answers.set(addresses[name], bodies[i]);
  });
}

/** Whether a first paint is on the screen, waiting for the app to take its place. */
export function firstPaintShown(): boolean {
  return painted !== null;
}

/**
 * The element holding the chart the server drew, still in the first paint, when it drew what the
 * app would draw now (`key`: chartKey of the app's inputs and day, which the server wrote on it);
 * null otherwise (the app draws its own).
 */
export function firstPaintChart(key: string): HTMLElement | null {
  const drawn = painted?.block.querySelector<HTMLElement>('wp-gantt-chart > .gantt-host');
  const box = drawn?.querySelector<HTMLElement>(':scope > .gantt-container');
  return drawn && box && drawn.getAttribute('data-chart-key') === key ? drawn : null;
}

/**
 * The chart the server drew, moved into `host` (the app's chart element) as it is, when it drew
 * what the app would draw now (`key`, as for firstPaintChart); false otherwise. It is scrolled back
 * to where it was when the app shows itself (revealApp): read now, set then, with one layout of the
 * page between.
 */
export function handOverFirstPaintChart(host: HTMLElement, key: string): boolean {
  const drawn = firstPaintChart(key);
  const box = drawn?.querySelector<HTMLElement>(':scope > .gantt-container');
  if (!painted || !drawn || !box) {
    return false;
  }
  painted.handed = { box, left: box.scrollLeft, top: box.scrollTop };
  host.replaceChildren(...drawn.childNodes);
  return true;
}

/**
 * The app shows itself in the first paint's place, in one step (no frame shows both or neither;
 * the caller draws its chart in the same task when it took none over), and says when
 * (`__wpAppReadyAt`, the first time).
 */
export function revealApp(): void {
  const marks = window as unknown as Marks;
  marks.__wpAppReadyAt ??= performance.now();
  answers.clear();
  if (painted === null) return;
  const { block, root, handed } = painted;
  painted = null;
  block.remove();
  root.removeAttribute('data-first-paint');
  if (handed) {
    handed.box.scrollLeft = handed.left;
    handed.box.scrollTop = handed.top;
  }
}

/** Settles in a task of its own, after what the browser has waiting (input, a frame). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
