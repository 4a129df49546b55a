/**
 * The home page's first paint, made on the server: the chart page (chart-page.ts) built and its
 * chart drawn by the chart's own code (frappe-gantt through WindowedGantt) in a server-side document
 * (linkedom), and written out as markup the server puts in the page. A reader sees the chart as soon
 * as the page and its stylesheet are here, before any script has run.
 *
 * A server lays nothing out, so what the drawing asks of the browser is answered here the way the
 * browser would answer it: the labels' widths from the widths of their characters in the chart's
 * font (label-widths.ts, measured in Chromium), the window's height from a tall screen's, and the
 * opening scroll written on the chart's box (`data-scroll-left`) for the page's script to set. The
 * app takes this chart over as it starts (WindowedGantt.takeOver) and shows itself in the first
 * paint's place (first-paint.ts).
 *
 * Built for Node by the web build (`dist/web/server/paint.cjs`), for the API to load; never sent to
 * a browser.
 */
import { parseHTML } from 'linkedom';
import type { CalendarDate } from '@tracker/schedule';
import { drawChart } from './app/gantt/chart-drawing';
import { type ChartPageAnswers, chartPage } from './chart-page';
import { labelWidth } from './label-widths';

export type { ChartPageAnswers } from './chart-page';

/** The window's height the server draws for: the rows of a tall screen (the app draws those of the reader's once it starts). */
const WINDOW_HEIGHT = 1200;

/** The font of the time axis's years (frappe-gantt.css's .upper-text). */
const UPPER_TEXT_FONT = 'normal 500 14px system-ui';

/** The globals the chart's code reads, as the server-side window gives them. */
const GLOBALS = ['window', 'document', 'Node', 'HTMLElement', 'SVGElement', 'getComputedStyle'] as const;

/**
 * The markup of the chart page of `partnership` as of `asOf`, drawn from the page's three answers,
 * or null when its plan has nothing to draw.
 */
export function paintChartPage(answers: ChartPageAnswers, partnership: string, asOf: CalendarDate): string | null {
  const { window, document } = parseHTML('<!doctype html><html lang="en"><head></head><body></body></html>');
  const scope = globalThis as Record<string, unknown>;
  const saved = GLOBALS.map((name) => [name, Object.getOwnPropertyDescriptor(globalThis, name)] as const);
  const view = window as unknown as Record<string, unknown>;
  Object.assign(view, { innerHeight: WINDOW_HEIGHT, getComputedStyle: labelStyle });
  const proto = (view['HTMLElement'] as { prototype: object }).prototype as Record<string, unknown>;
  // The opening scroll (frappe-gantt scrolls its box to the plan's start), kept for the page's script.
  proto['scrollTo'] = function (this: HTMLElement, options: ScrollToOptions) {
    const left = Math.max(0, Math.round(options.left ?? 0));
    Object.assign(this, { scrollLeft: left });
    this.setAttribute('data-scroll-left', String(left));
  };
  // Nothing is laid out: the one width frappe-gantt reads is a year's label's in the time axis, to mark the year in view.
  Object.defineProperty(proto, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('upper-text') ? labelWidth(this.textContent ?? '', UPPER_TEXT_FONT) : 0;
    },
  });
  // The time axis's words (frappe-gantt sets them as innerText, which has no setter here).
  Object.defineProperty(proto, 'innerText', {
    configurable: true,
    get(this: HTMLElement) {
      return this.textContent;
    },
    set(this: HTMLElement, text: string) {
      this.textContent = text;
    },
  });
  // The labels' widths, on a canvas as the chart measures them in a browser.
  (view['HTMLCanvasElement'] as { prototype: Record<string, unknown> }).prototype['getContext'] = () => ({
    font: '',
    measureText(this: { font: string }, text: string) {
      return { width: labelWidth(text, this.font) };
    },
  });
  for (const name of GLOBALS) {
    Object.defineProperty(scope, name, { value: name === 'window' ? window : name === 'document' ? document : view[name], configurable: true, writable: true });
  }
  try {
    const page = chartPage(answers, partnership, asOf);
    if (page === null) return null;
    document.body.append(page.block);
    const gantt = drawChart(page.host, page.inputs);
    // The browser tells the chart its box was scrolled to the plan's start, and it marks the year in view.
    gantt.$container.dispatchEvent(new (view['Event'] as typeof Event)('scroll'));
    page.host.setAttribute('data-rendered-bars', String(gantt.bars.length));
    // linkedom writes an attribute's value as it is but for its quotes: its ampersands are written
    // as references here, so that a browser reads back "R&amp;D" or "&copy" as they were written.
    for (const element of [page.block, ...Array.from(page.block.querySelectorAll('*'))]) {
      for (const { name, value } of Array.from(element.attributes)) {
        if (value.includes('&')) element.setAttribute(name, value.replace(/&/g, '&amp;'));
      }
    }
    return page.block.outerHTML;
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(scope, name, descriptor);
      else delete scope[name];
    }
  }
}

/** The style the chart reads of a label: its font, from the classes of its bar, as frappe-gantt.css and gantt-chart.css set it. */
function labelStyle(element: Element): Pick<CSSStyleDeclaration, 'fontStyle' | 'fontWeight' | 'fontSize' | 'fontFamily'> {
  const classes = ` ${element.parentElement?.parentElement?.getAttribute('class') ?? ''} `;
  return {
    fontStyle: classes.includes(' wp-flag-tentative ') ? 'italic' : 'normal',
    fontWeight: classes.includes(' wp-summary ') ? '700' : classes.includes(' wp-substep ') ? '400' : '500',
    fontSize: '13px',
    fontFamily: 'Helvetica',
  };
}
