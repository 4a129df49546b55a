/**
 * Lighthouse (`BENCH_ONLY=lighthouse`; mobile, its default): the home page's performance and
 * accessibility scores, then the same with the CPU slowdown calibrated to this machine's benchmark
 * index (Lighthouse's default 4x makes a mid-tier phone of a machine of index 1533 only: see
 * apps/bench/src/lighthouse-calibration.ts). Medians of BENCH_LOADS runs.
 */
import { BROWSER_UI_FEATURES, CHROMIUM, CHROMIUM_ARGS, disableFeatures } from '../shared/chromium';
import { calibratedSlowdown } from '../lighthouse-calibration';
import type { BenchPart } from '../shared/part';
import { settings } from '../shared/settings';
import { medianOf, round } from '../shared/stats';

/** What the bench reads of a Lighthouse audit. */
interface Audit {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  displayValue?: string;
  numericValue?: number;
  details?: { type?: string; items?: AuditItem[] };
}

/** One row of an audit's details (only the fields the bench names). */
type AuditItem = Record<string, unknown> & {
  url?: unknown;
  source?: { url?: unknown };
  node?: { snippet?: unknown; nodeLabel?: unknown };
  items?: AuditItem[];
};

/** What the bench reads of a Lighthouse report. */
interface Report {
  lighthouseVersion: string;
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  environment?: { benchmarkIndex?: number };
  categories: Record<string, { score: number | null; auditRefs: { id: string }[] }>;
  audits: Record<string, Audit | undefined>;
}

type Lighthouse = (url: string, flags: Record<string, unknown>) => Promise<{ lhr: Report } | undefined>;

interface FailedAudit {
  id: string;
  title: string;
  displayValue: string | null;
  items: string[];
}

interface Run {
  performance: number | null;
  accessibility: number | null;
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  speedIndexMs: number | null;
  failedPerformance: FailedAudit[];
  failedAccessibility: FailedAudit[];
  warnings: string[];
  benchmarkIndex: number | null;
  lighthouseVersion: string;
}

export interface AuditTally {
  id: string;
  title: string;
  runs: number;
  displayValues: string[];
  items: string[];
}

export interface LighthouseSummary {
  url: string;
  version: string | null;
  formFactor: 'mobile';
  performance: number | null;
  accessibility: number | null;
  fcpMs: number | null;
  lcpMs: number | null;
  tbtMs: number | null;
  cls: number | null;
  speedIndexMs: number | null;
  benchmarkIndex: number | null;
  failedPerformance: AuditTally[];
  failedAccessibility: AuditTally[];
  warnings: string[];
  runsWithoutFirstPaint: number;
  runs: Pick<Run, 'performance' | 'accessibility' | 'fcpMs' | 'lcpMs' | 'tbtMs' | 'cls'>[];
}

export interface LighthouseFigures extends LighthouseSummary {
  calibrated: LighthouseSummary & { cpuSlowdownMultiplier: number };
}

/** Up to five words on where a Lighthouse audit points (a file, an element, a reason), from its details. */
function auditItems(audit: Audit): string[] {
  const details = audit.details ?? {};
  const items = details.type === 'list' ? (details.items ?? []).flatMap((part) => part.items ?? []) : (details.items ?? []);
  const path = (url: unknown) => (typeof url === 'string' ? url.replace(/^https?:\/\/[^/]+/, '') || '/' : null);
  return items
    .slice(0, 5)
    .map((item) => {
      const what =
        path(item.url) ?? path(item.source?.url) ?? item.node?.snippet ?? item.node?.nodeLabel ?? item['reason'] ?? item['label'] ?? item['failureType'];
      const key = ['wastedMs', 'total', 'duration', 'reflowTime', 'wastedBytes', 'transferSize'].find((k) => typeof item[k] === 'number');
      if (typeof what !== 'string') return null;
      return key ? `${what}: ${key} ${round(item[key] as number, 0)}` : what;
    })
    .filter((item): item is string => item !== null);
}

/** LOADS Lighthouse runs of `url` with these flags (on top of the bench's), and how many ran again for want of a first paint. */
async function lighthouseRuns(
  lighthouse: Lighthouse,
  port: number,
  url: string,
  extraFlags: Record<string, unknown> = {},
): Promise<{ runs: Run[]; retried: number }> {
  const runs: Run[] = [];
  let retried = 0;
  for (let r = 0; r < settings.LOADS; r++) {
    const result = await lighthouse(url, {
      port,
      ...extraFlags,
      output: 'json',
      onlyCategories: ['performance', 'accessibility'],
      logLevel: 'error',
      maxWaitForFcp: 90_000,
      maxWaitForLoad: 180_000,
    });
    // On a busy machine a load now and then ends without a first paint, or its trace without the
    // navigation's start (Lighthouse: "Please run Lighthouse again"): that one is run again (twice at most).
    const error = result?.lhr?.runtimeError?.code;
    if ((error === 'NO_FCP' || error === 'NO_NAVSTART') && retried < 2) {
      retried++;
      r--;
      console.log(`  (a run ${error === 'NO_FCP' ? 'without a first paint' : 'whose trace has no navigation start'}, run again)`);
      continue;
    }
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
    const failed = (category: string): FailedAudit[] =>
      lhr.categories[category].auditRefs
        .map((ref) => lhr.audits[ref.id])
        .filter(
          (a): a is Audit =>
            !!a && typeof a.score === 'number' && a.score < 0.9 && !['notApplicable', 'manual', 'informative', 'error'].includes(a.scoreDisplayMode),
        )
        .map((a) => ({ id: a.id, title: a.title, displayValue: a.displayValue ?? null, items: auditItems(a) }));
    const metric = (id: string) => lhr.audits[id]?.numericValue ?? null;
    const score = (category: string) => {
      const value = lhr.categories[category].score;
      return value === null ? null : Math.round(value * 100);
    };
    runs.push({
      performance: score('performance'),
      accessibility: score('accessibility'),
      fcpMs: metric('first-contentful-paint'),
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      speedIndexMs: metric('speed-index'),
      failedPerformance: failed('performance'),
      failedAccessibility: failed('accessibility'),
      warnings: lhr.runWarnings ?? [],
      benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
      lighthouseVersion: lhr.lighthouseVersion,
    });
  }
  return { runs, retried };
}

/** The median figures of Lighthouse runs, and the audits that failed in how many of them. */
function summarise(url: string, { runs, retried }: { runs: Run[]; retried: number }): LighthouseSummary {
  const mid = (key: 'performance' | 'accessibility' | 'fcpMs' | 'lcpMs' | 'tbtMs' | 'cls' | 'speedIndexMs' | 'benchmarkIndex') =>
    medianOf(runs.map((run) => run[key]));
  const tally = (key: 'failedPerformance' | 'failedAccessibility') => {
    const byTitle = new Map<string, AuditTally>();
    for (const run of runs) {
      for (const audit of run[key]) {
        const seen = byTitle.get(audit.id) ?? { id: audit.id, title: audit.title, runs: 0, displayValues: [], items: audit.items };
        seen.runs++;
        if (audit.displayValue) seen.displayValues.push(audit.displayValue);
        byTitle.set(audit.id, seen);
      }
    }
    return [...byTitle.values()].sort((a, b) => b.runs - a.runs);
  };
  return {
    url,
    version: runs[0]?.lighthouseVersion ?? null,
    formFactor: 'mobile',
    performance: mid('performance'),
    accessibility: mid('accessibility'),
    fcpMs: mid('fcpMs'),
    lcpMs: mid('lcpMs'),
    tbtMs: mid('tbtMs'),
    cls: mid('cls'),
    speedIndexMs: mid('speedIndexMs'),
    benchmarkIndex: mid('benchmarkIndex'),
    failedPerformance: tally('failedPerformance'),
    failedAccessibility: tally('failedAccessibility'),
    warnings: [...new Set(runs.flatMap((run) => run.warnings))],
    runsWithoutFirstPaint: retried,
    runs: runs.map(({ performance, accessibility, fcpMs, lcpMs, tbtMs, cls }) => ({ performance, accessibility, fcpMs, lcpMs, tbtMs, cls })),
  };
}

/**
 * Lighthouse (its default: a mobile device, simulated throttling) on `url`, LOADS times in a
 * Chromium of its own (started by chrome-launcher) that it drives through a DevTools port: the median
 * performance and accessibility scores (0-100) and metrics, and the audits that failed (score under
 * 0.9) in how many runs.
 */
export async function measureLighthouse(url: string): Promise<LighthouseFigures> {
  const lighthouse = (await import('lighthouse')).default as unknown as Lighthouse; // its own types describe every flag and audit; the bench reads a few
  const { launch, Launcher } = await import('chrome-launcher');
  // chrome-launcher's own flags, with its --disable-features joined to the bench's (one switch).
  const defaults = Launcher.defaultFlags();
  const itsFeatures =
    defaults
      .find((flag) => flag.startsWith('--disable-features='))
      ?.slice('--disable-features='.length)
      .split(',') ?? [];
  const chrome = await launch({
    chromePath: CHROMIUM,
    ignoreDefaultFlags: true,
    chromeFlags: [
      ...defaults.filter((flag) => !flag.startsWith('--disable-features=')),
      disableFeatures(itsFeatures, BROWSER_UI_FEATURES),
      '--headless=new',
      ...CHROMIUM_ARGS,
    ],
    handleSIGINT: false,
    logLevel: 'silent',
    maxConnectionRetries: 240,
  });
  try {
    const standard = await lighthouseRuns(lighthouse, chrome.port, url);
    // The same page again, with the CPU slowed down as much as this machine needs to be a mid-tier phone.
    const index = medianOf(standard.runs.map((run) => run.benchmarkIndex));
    if (index === null) throw new Error('Lighthouse gave no benchmark index to calibrate the CPU slowdown with');
    const slowdown = Math.round(calibratedSlowdown(index) * 100) / 100;
    const calibrated = await lighthouseRuns(lighthouse, chrome.port, url, { throttling: { cpuSlowdownMultiplier: slowdown } });
    return { ...summarise(url, standard), calibrated: { cpuSlowdownMultiplier: slowdown, ...summarise(url, calibrated) } };
  } finally {
    chrome.kill();
  }
}

export function lighthouse(): BenchPart {
  return {
    name: 'lighthouse',
    plans: [],
    async run(bench) {
      console.log(`Lighthouse on the home page (${settings.LOADS} runs, mobile):`);
      const lh = await measureLighthouse(`${bench.appBase}/`);
      bench.results.lighthouse = lh;
      const ms = (n: number | null) => round(n ?? Number.NaN, 0);
      console.log(
        `  performance ${lh.performance}, accessibility ${lh.accessibility}; FCP ${ms(lh.fcpMs)} ms, LCP ${ms(lh.lcpMs)} ms, TBT ${ms(lh.tbtMs)} ms, CLS ${round(lh.cls ?? Number.NaN, 3)} (Lighthouse ${lh.version}, its default CPU slowdown of 4x)`,
      );
      const cal = lh.calibrated;
      console.log(
        `  calibrated to this machine (benchmark index ${lh.benchmarkIndex}: a ${cal.cpuSlowdownMultiplier}x CPU slowdown makes it a mid-tier phone): performance ${cal.performance}; FCP ${ms(cal.fcpMs)} ms, LCP ${ms(cal.lcpMs)} ms, TBT ${ms(cal.tbtMs)} ms, CLS ${round(cal.cls ?? Number.NaN, 3)}`,
      );
    },
  };
}
