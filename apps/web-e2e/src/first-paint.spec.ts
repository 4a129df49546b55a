import type { Browser, Page } from 'playwright-core';
import { BASE_URL, launchBrowser, settled, signIn, watchErrors } from './support/browser';

/** What the page went through, recorded from its first script on. */
interface Seen {
  /** The chart's SVG element as first added to the page, and whether it was inside the first paint then. */
  firstSvgInFirstPaint: boolean | null;
  /** The chart's SVG element now is the one first added. */
  sameSvg: boolean;
  /** When the server's chart was first on the screen. */
  firstPaintAt: number | undefined;
  /** When the app drew its chart, or took the server's over. */
  drawnAt: number | undefined;
  readyAt: number | undefined;
  draws: number | undefined;
  /** The header's height and the chart's place, each time they changed, and what was shown then. */
  places: string[];
  /** Where the chart was scrolled in the first frame it was shown. */
  firstScrollLeft: number | null;
  /** Frames in which neither the first paint nor the app's page was visible, or both were. */
  framesWithout: number;
  framesWithBoth: number;
}

/**
 * Opens `path` (in `page`, or a new page of `viewport`) with a watch on the chart's SVG element and on
 * every frame until the app is ready: what is shown, and where the header and the chart are.
 */
async function open(
  browser: Browser,
  path: string,
  viewport = { width: 1440, height: 900 },
  given?: Page,
): Promise<{ page: Page; errors: string[]; seen: () => Promise<Seen> }> {
  const page = given ?? (await browser.newPage({ viewport }));
  const errors = watchErrors(page, { console: true });
  await page.addInitScript(() => {
    const watch = {
      svg: null as Element | null,
      inFirstPaint: null as boolean | null,
      without: 0,
      both: 0,
      firstScrollLeft: null as number | null,
      /** Every different [what is shown, the header's height, the chart's top, the chart's left] seen, in order. */
      places: [] as string[],
    };
    (window as unknown as { __watch: typeof watch }).__watch = watch;
    new MutationObserver(() => {
      const svg = document.querySelector('svg.gantt');
      if (svg && !watch.svg) {
        watch.svg = svg;
        watch.inFirstPaint = svg.closest('.first-paint') !== null;
      }
    }).observe(document, { childList: true, subtree: true });
    // Every frame until the app is ready: is the first paint on the screen, the app's page, both or neither?
    const frame = () => {
      const firstPaint = document.querySelector('.first-paint');
      const root = document.querySelector('wp-root');
      const appShown = root !== null && !root.hasAttribute('data-first-paint') && root.querySelector('wp-gantt-page h1') !== null;
      if (firstPaint && appShown) watch.both += 1;
      if (watch.svg && !firstPaint && !appShown) watch.without += 1;
      const drawn = (window as unknown as { __wpFirstPaintAt?: number }).__wpFirstPaintAt !== undefined;
      if (drawn && watch.firstScrollLeft === null) watch.firstScrollLeft = document.querySelector('.gantt-container')?.scrollLeft ?? null;
      const header = (firstPaint ?? root)?.querySelector('.site-header')?.getBoundingClientRect();
      const chart = document.querySelector('.gantt-container')?.getBoundingClientRect();
      // A page out of sight (the first paint until all of it has arrived) has no place on the screen.
      if (header && chart && header.height > 0) {
        const place = `${Math.round(header.height)} ${Math.round(chart.top)} ${Math.round(chart.left)}`;
        if (watch.places[watch.places.length - 1]?.split(': ')[1] !== place) watch.places.push(`${firstPaint ? 'first paint' : 'app'}: ${place}`);
      }
      if ((window as unknown as { __wpAppReadyAt?: number }).__wpAppReadyAt === undefined) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.goto(`${BASE_URL}${path}`);
  await page.waitForFunction(() => (window as unknown as { __wpAppReadyAt?: number }).__wpAppReadyAt !== undefined);
  await page.waitForSelector('wp-gantt-chart [data-rendered-bars]');
  const seen = () =>
    page.evaluate(() => {
      const w = window as unknown as {
        __watch: { svg: Element | null; inFirstPaint: boolean | null; without: number; both: number; firstScrollLeft: number | null; places: string[] };
        __wpFirstPaintAt?: number;
        __wpGanttRenderedAt?: number;
        __wpAppReadyAt?: number;
        __wpGanttDraws?: number;
      };
      return {
        firstSvgInFirstPaint: w.__watch.inFirstPaint,
        sameSvg: w.__watch.svg !== null && document.querySelector('wp-gantt-chart svg.gantt') === w.__watch.svg,
        firstPaintAt: w.__wpFirstPaintAt,
        drawnAt: w.__wpGanttRenderedAt,
        readyAt: w.__wpAppReadyAt,
        draws: w.__wpGanttDraws,
        firstScrollLeft: w.__watch.firstScrollLeft,
        places: w.__watch.places,
        framesWithout: w.__watch.without,
        framesWithBoth: w.__watch.both,
      };
    });
  return { page, errors, seen };
}

describe("the home page's first paint", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser.close();
  });

  it.each(['/', '/?partnership=scale-0001'])('of %s comes with the chart drawn by the server, and the app takes that very chart over', async (path) => {
    const { page, errors, seen } = await open(browser, path);
    const s = await seen();
    expect(s.firstSvgInFirstPaint).toBe(true);
    expect(s.sameSvg).toBe(true);
    // The server's chart was on the screen before the app was; the app took it over once, as it showed itself.
    expect(s.firstPaintAt).toBeLessThan(s.readyAt as number);
    expect(s.draws).toBe(1);
    expect({ without: s.framesWithout, both: s.framesWithBoth }).toEqual({ without: 0, both: 0 });
    // The first paint is gone, and the app's page is the one shown, with its chart, its filters and its table.
    await expect(page.locator('.first-paint').count()).resolves.toBe(0);
    await expect(page.locator('wp-root').getAttribute('data-first-paint')).resolves.toBeNull();
    await page.getByRole('heading', { name: 'Filters' }).waitFor();
    await page.getByTestId('gantt-table').waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws without any script the chart the app then draws: the same bars, in the same places, with the same words', async () => {
    const bars = () =>
      [...document.querySelectorAll('svg.gantt .bar-wrapper')].map((group) => {
        const bar = group.querySelector('.bar');
        return [
          group.getAttribute('data-row'),
          group.getAttribute('class'),
          group.getAttribute('aria-label'),
          ...['x', 'y', 'width'].map((a) => bar?.getAttribute(a)),
        ].join(' ');
      });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, javaScriptEnabled: false });
    const still = await context.newPage();
    await still.goto(`${BASE_URL}/`);
    const drawn = await still.evaluate(bars);
    await expect(still.getByRole('heading', { name: 'Work Plan timeline', exact: true }).count()).resolves.toBe(1);
    await expect(still.getByRole('heading', { name: 'Gantt chart: Work Plan timeline, from sections 2.4.9 - 2.7.9' }).count()).resolves.toBe(1);
    await context.close();
    const { page, errors } = await open(browser, '/');
    const app = await page.evaluate(bars);
    expect(drawn.length).toBeGreaterThan(40);
    expect(drawn).toEqual(app.slice(0, drawn.length));
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    [1440, 900],
    [1024, 768],
    [390, 844],
  ])('at %ix%i shows the header and the chart where the app then shows them: nothing moves at the hand-over', async (width, height) => {
    const { page, errors, seen } = await open(browser, '/', { width, height });
    const { places } = await seen();
    expect(places).toHaveLength(1);
    expect(places[0]).toMatch(/^first paint: /);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a signed-in Secretariat their own header (their links, the menu, their name) from the first frame', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    const page = await context.newPage();
    await signIn(page, 'secretariat@example.org');
    const { errors, seen } = await open(browser, '/', undefined, page);
    const { places, firstSvgInFirstPaint } = await seen();
    expect({ places: places.length, firstSvgInFirstPaint }).toEqual({ places: 1, firstSvgInFirstPaint: true });
    await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).count()).resolves.toBe(1);
    await expect(page.getByTestId('account').textContent()).resolves.toContain('Signed in as');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows the app's chart in the first paint's place working: its bars open their details, the arrow keys move between them, and it opened on the plan period at once", async () => {
    const { page, errors, seen } = await open(browser, '/');
    const box = page.locator('wp-gantt-chart .gantt-container');
    // Opened where the plan starts in its first frame, not smoothly scrolled there once shown, and kept there by the app.
    await settled(page);
    const left = await box.evaluate((element) => element.scrollLeft);
    expect(left).toBeGreaterThan(0);
    await expect(seen().then((s) => s.firstScrollLeft)).resolves.toBe(left);
    const first = page.locator('wp-gantt-chart .bar-wrapper[data-row="0"]');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-row'))).resolves.toBe('1');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.press('Escape');
    // Its labels placed in this browser's fonts: a label inside its bar fits in it.
    const overflowing = await page.evaluate(
      () =>
        [...document.querySelectorAll('wp-gantt-chart .bar-wrapper')].filter((group) => {
          const label = group.querySelector<SVGTextElement>('.bar-label');
          const bar = group.querySelector<SVGRectElement>('.bar');
          return label && bar && !label.classList.contains('big') && label.getBBox().width > bar.getBBox().width + 0.5;
        }).length,
    );
    expect(overflowing).toBe(0);
    // Its "Today" button scrolls to today.
    await box.evaluate((element) => element.scrollTo({ left: 0, behavior: 'instant' }));
    await page.locator('wp-gantt-chart .today-button').click();
    await page.waitForFunction((from) => (document.querySelector('wp-gantt-chart .gantt-container')?.scrollLeft ?? 0) > from, left);
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['/?action=1', '/?view=quarter', '/actions/1'])('is not drawn for %s: the app draws that page alone', async (path) => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript(() => {
      const record = { firstPaint: false };
      (window as unknown as { __record: typeof record }).__record = record;
      new MutationObserver(() => {
        if (document.querySelector('.first-paint')) record.firstPaint = true;
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${BASE_URL}${path}`, { waitUntil: 'networkidle' });
    await page.locator('h1').first().waitFor();
    await expect(page.evaluate(() => (window as unknown as { __record: { firstPaint: boolean } }).__record.firstPaint)).resolves.toBe(false);
    await page.close();
  });
});
