import { isValid } from 'date-fns';
import { compareDates, firstDayOfMonth, lastDayOfMonth, type CalendarDate } from './calendar';
import type { DatePrecision, PlanWindow } from './window';

/** A window read from the words a plan uses for it. `words` are the text as written (trimmed). */
export interface WindowReading extends PlanWindow {
  words: string;
  /** The text says the timing is still to be confirmed ("tbc", "tentative", "provisional", "?"). */
  tentative: boolean;
}

export type WindowTextResult = { ok: true; reading: WindowReading } | { ok: false; reason: string };

export interface WindowTextOptions {
  /**
   * The year of a window written without one ("June-July" among the steps of an activity of 2025).
   * Without it, a window with no year is refused.
   */
  defaultYear?: number;
}

/** The longest text read as a window; anything longer is a description, not a window. */
export const WINDOW_TEXT_MAX_LENGTH = 200;

/** The wordings `readWindowText` reads, for forms and the import template. */
export const WINDOW_TEXT_EXAMPLES: readonly string[] = [
  'June 2025',
  'October - December 2025',
  'November - February 2026',
  'June 2025 - April 2026',
  'May or June 2025',
  'Q1 2026',
  'H2 2026',
  '2026',
  '2026 (tbd)',
  '2025-2026',
  '15 March 2026',
  '2026-03-15',
  '10 - 12 March 2026',
  'tbd',
];

const MONTH_NAMES: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** Words that leave the window unknown: the plan has no date yet. */
const UNKNOWN_TEXT =
  /^(?:tbd|tbc|n\/a|unknown|no date(?: given| in the plan)?|not (?:yet )?(?:scheduled|dated|known)|(?:dates?|timing) (?:tbd|tbc|to be (?:fixed|defined|determined|confirmed))|to be (?:fixed|defined|determined|confirmed|scheduled))$/;
/** Words that mark a dated window as not yet confirmed. */
const TENTATIVE_WORDS = /\b(?:tbc|to be confirmed|tentative(?:ly)?|provisional(?:ly)?|possibly|maybe)\b|\?/;
/** Words that say only that the exact timing within the window is open: the precision says it already. */
const VAGUE_WORDS = /\b(?:early|mid|middle|late|end of|beginning of|start of|spring|summer|autumn|fall|winter)\b/;

type Token =
  | { kind: 'day-date'; year: number; month: number; day: number }
  | { kind: 'month-date'; year: number; month: number }
  | { kind: 'year'; year: number }
  | { kind: 'number'; value: number }
  | { kind: 'month'; month: number }
  | { kind: 'quarter'; quarter: number }
  | { kind: 'half'; half: number }
  | { kind: 'separator'; text: string }
  | { kind: 'filler' }
  | { kind: 'word'; text: string };

/** One end of a window as written: any of its parts may be missing until the other end supplies it. */
interface Point {
  year?: number;
  /** First and last month the point covers (one month, a quarter, a half-year). */
  months?: [number, number];
  day?: number;
}

const refuse = (reason: string): WindowTextResult => ({ ok: false, reason });

/**
 * Reads a window the way a work plan writes it: "June 2025", "October - December 2025",
 * "November - February 2026" (November 2025), "June 2025 - April 2026", "May or June 2025" (both
 * months), "Q1 2026", "H2 2026", "2026", "2025-2026", "15 March 2026", "2026-03-15", "10 - 12 March
 * 2026", "tbd" (no dates). A month is the whole month and a year the whole year, never an invented
 * day. Remarks in brackets or after a comma are kept in the words and read only for "tbc"-like words.
 * Seasons and "early"/"late" are refused with a reason rather than guessed.
 */
export function readWindowText(text: string, options: WindowTextOptions = {}): WindowTextResult {
  if (typeof text !== 'string') {
    return refuse('the window must be text');
  }
  const words = text.trim().replace(/\s+/g, ' ');
  if (words === '') {
    return refuse('the window is empty: write it as the plan does, e.g. "October - December 2025", or "tbd"');
  }
  if (words.length > WINDOW_TEXT_MAX_LENGTH) {
    return refuse(`the window is longer than ${WINDOW_TEXT_MAX_LENGTH} characters`);
  }
  const lower = words
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/(\d)(?:st|nd|rd|th)\b/g, '$1');
  const tentative = TENTATIVE_WORDS.test(lower);

  if (UNKNOWN_TEXT.test(lower.replace(/[.!?]+$/, '').trim())) {
    return { ok: true, reading: { start: null, end: null, precision: 'unknown', words, tentative } };
  }

  // Remarks: "(tbd)", "2026, precise timing TBD", "January - March 2027, format tbd".
  let core = lower.replace(/\([^)]*\)/g, ' ').replace(/\?/g, ' ');
  core = core.replace(/(\d{1,2}),\s*(\d{4})/g, '$1 $2'); // "March 15, 2026"
  const comma = core.indexOf(',');
  if (comma >= 0) {
    core = core.slice(0, comma);
  }
  core = core.replace(/\s+/g, ' ').trim();
  if (VAGUE_WORDS.test(core)) {
    const word = core.match(VAGUE_WORDS)?.[0] ?? '';
    return refuse(`"${word}" does not say which months: write them, e.g. "October - December 2025"`);
  }

  const tokens = tokenize(core);
  if (typeof tokens === 'string') {
    return refuse(tokens);
  }
  const separators = tokens.filter((token) => token.kind === 'separator').length;
  if (separators > 1) {
    return refuse('a window has one start and one end: write it as "October - December 2025"');
  }
  const at = tokens.findIndex((token) => token.kind === 'separator');
  const left = at < 0 ? tokens : tokens.slice(0, at);
  const right = at < 0 ? [] : tokens.slice(at + 1);
  const from = readPoint(left);
  if (typeof from === 'string') {
    return refuse(from);
  }
  const to = at < 0 ? from : readPoint(right);
  if (typeof to === 'string') {
    return refuse(to);
  }
  return resolve(from, to, at >= 0, words, tentative, options);
}

function tokenize(core: string): Token[] | string {
  const tokens: Token[] = [];
  const pattern =
    /(\d{4})-(\d{1,2})-(\d{1,2})\b|(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b|(\d{4})-(\d{2})\b(?!\d)|(\d{1,2})\/(\d{4})\b|\b(q[1-4])\b|\b(h[12])\b|(\d+)|([a-z]+)|(-|\/|&)|(\S)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(core)) !== null) {
    const [, isoYear, isoMonth, isoDay, euDay, euMonth, euYear, ymYear, ymMonth, myMonth, myYear, quarter, half, number, word, symbol, other] = match;
    if (isoYear !== undefined) {
      tokens.push({ kind: 'day-date', year: Number(isoYear), month: Number(isoMonth), day: Number(isoDay) });
    } else if (euDay !== undefined) {
      tokens.push({ kind: 'day-date', year: Number(euYear), month: Number(euMonth), day: Number(euDay) });
    } else if (ymYear !== undefined) {
      // "2025-2026" is a range of years, "2025-06" a month.
      if (Number(ymMonth) >= 1 && Number(ymMonth) <= 12) {
        tokens.push({ kind: 'month-date', year: Number(ymYear), month: Number(ymMonth) });
      } else {
        tokens.push({ kind: 'year', year: Number(ymYear) }, { kind: 'separator', text: '-' });
        pattern.lastIndex = match.index + 5;
      }
    } else if (myMonth !== undefined) {
      if (Number(myMonth) < 1 || Number(myMonth) > 12) {
        return `there is no month ${myMonth}`;
      }
      tokens.push({ kind: 'month-date', year: Number(myYear), month: Number(myMonth) });
    } else if (quarter !== undefined) {
      tokens.push({ kind: 'quarter', quarter: Number(quarter.slice(1)) });
    } else if (half !== undefined) {
      tokens.push({ kind: 'half', half: Number(half.slice(1)) });
    } else if (number !== undefined) {
      tokens.push(number.length === 4 ? { kind: 'year', year: Number(number) } : { kind: 'number', value: Number(number) });
    } else if (word !== undefined) {
      tokens.push(wordToken(word));
    } else if (symbol !== undefined) {
      tokens.push({ kind: 'separator', text: symbol });
    } else if (other !== undefined) {
      if (other !== '.') {
        return `cannot read "${other}" in a window`;
      }
    }
  }
  const unknown = tokens.find((token): token is Extract<Token, { kind: 'word' }> => token.kind === 'word');
  if (unknown !== undefined) {
    return `cannot read "${unknown.text}" as part of a window: write months and years, e.g. "October - December 2025"`;
  }
  return tokens.filter((token) => token.kind !== 'filler');
}

function wordToken(word: string): Token {
  const month = MONTH_NAMES[word];
  if (month !== undefined) {
    return { kind: 'month', month };
  }
  if (['to', 'until', 'till', 'through', 'or', 'and'].includes(word)) {
    return { kind: 'separator', text: word };
  }
  if (['by', 'in', 'from', 'of', 'the', 'during', 'between', 'on', 'approx', 'approximately', 'around', 'ca', 'circa'].includes(word)) {
    return { kind: 'filler' };
  }
  if (['tbc', 'tentative', 'tentatively', 'provisional', 'provisionally', 'possibly', 'maybe'].includes(word)) {
    return { kind: 'filler' };
  }
  return { kind: 'word', text: word };
}

function readPoint(tokens: readonly Token[]): Point | string {
  if (tokens.length === 0) {
    return 'one end of the window is missing';
  }
  const point: Point = {};
  const numbers: number[] = [];
  for (const token of tokens) {
    switch (token.kind) {
      case 'day-date':
        if (point.year !== undefined || point.months !== undefined || point.day !== undefined) {
          return 'a date is written twice in one end of the window';
        }
        point.year = token.year;
        point.months = [token.month, token.month];
        point.day = token.day;
        break;
      case 'month-date':
        if (point.year !== undefined || point.months !== undefined) {
          return 'a month is written twice in one end of the window';
        }
        point.year = token.year;
        point.months = [token.month, token.month];
        break;
      case 'year':
        if (point.year !== undefined) {
          return 'two years in one end of the window: write "2025 - 2026" for a span of years';
        }
        point.year = token.year;
        break;
      case 'month':
      case 'quarter':
      case 'half': {
        if (point.months !== undefined) {
          return 'two months in one end of the window: write "October - December 2025" for a span';
        }
        point.months =
          token.kind === 'month'
            ? [token.month, token.month]
            : token.kind === 'quarter'
              ? [token.quarter * 3 - 2, token.quarter * 3]
              : [token.half * 6 - 5, token.half * 6];
        break;
      }
      case 'number':
        numbers.push(token.value);
        break;
      default:
        return 'cannot read this window';
    }
  }
  if (numbers.length > 1) {
    return `cannot read the numbers ${numbers.join(' and ')} together: write "15 March 2026"`;
  }
  if (numbers.length === 1) {
    if (point.day !== undefined) {
      return `cannot read the number ${numbers[0]} beside a full date`;
    }
    if (point.months !== undefined && point.months[0] !== point.months[1]) {
      return `a day (${numbers[0]}) belongs to one month, not to a quarter or half-year`;
    }
    point.day = numbers[0];
  }
  return point;
}

function resolve(from: Point, to: Point, isRange: boolean, words: string, tentative: boolean, options: WindowTextOptions): WindowTextResult {
  const year = to.year ?? from.year ?? options.defaultYear;
  if (year === undefined) {
    return refuse('the window has no year: write it, e.g. "June 2025"');
  }
  const toYear = to.year ?? year;
  let fromYear = from.year ?? toYear;
  for (const y of [fromYear, toYear]) {
    if (y < MIN_YEAR || y > MAX_YEAR) {
      return refuse(`the year ${y} is outside ${MIN_YEAR}-${MAX_YEAR}`);
    }
  }
  // A day alone on the left takes the right's month: "10 - 12 March 2026".
  const fromMonths = from.months ?? (from.day !== undefined ? to.months : undefined);
  if (from.day !== undefined && fromMonths === undefined) {
    return refuse(`the day ${from.day} has no month: write "15 March 2026"`);
  }
  if (to.day !== undefined && to.months === undefined) {
    return refuse(`the day ${to.day} has no month: write "15 March 2026"`);
  }
  if ((fromMonths === undefined) !== (to.months === undefined) && isRange) {
    return refuse('one end of the window names a month and the other only a year: write "June 2025 - April 2026"');
  }

  const startOf = (y: number, point: Point, months: [number, number] | undefined): CalendarDate | string => {
    if (months === undefined) {
      return firstDayOfMonth(y, 1);
    }
    return point.day === undefined ? firstDayOfMonth(y, months[0]) : dayOf(y, months[0], point.day);
  };
  const endOf = (y: number, point: Point, months: [number, number] | undefined): CalendarDate | string => {
    if (months === undefined) {
      return lastDayOfMonth(y, 12);
    }
    return point.day === undefined ? lastDayOfMonth(y, months[1]) : dayOf(y, months[1], point.day);
  };

  let start = startOf(fromYear, from, fromMonths);
  const end = endOf(toYear, to, to.months);
  if (start.length !== 10) {
    return refuse(start);
  }
  if (end.length !== 10) {
    return refuse(end);
  }
  // "November - February 2026": the year written once belongs to the end; the start is the year before.
  if (from.year === undefined && to.year !== undefined && compareDates(start, end) > 0 && fromMonths !== undefined) {
    fromYear -= 1;
    start = startOf(fromYear, from, fromMonths);
  }
  if (compareDates(start, end) > 0) {
    return refuse(`the window starts (${start}) after it ends (${end})`);
  }
  const precisionOf = (point: Point, months: [number, number] | undefined): DatePrecision =>
    point.day !== undefined ? 'day' : months !== undefined ? 'month' : 'year';
  const rank: Record<DatePrecision, number> = { day: 0, month: 1, year: 2, ongoing: 3, unknown: 4 };
  const [a, b] = [precisionOf(from, fromMonths), precisionOf(to, to.months)];
  const precision = rank[a] >= rank[b] ? a : b;
  return { ok: true, reading: { start, end, precision, words, tentative } };
}

function dayOf(year: number, month: number, day: number): CalendarDate | string {
  if (month < 1 || month > 12) {
    return `there is no month ${month}`;
  }
  const date = new Date(year, month - 1, day);
  if (!isValid(date) || date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day || day < 1) {
    const name = Object.keys(MONTH_NAMES)[month - 1] ?? '';
    return `there is no day ${day} in ${name.charAt(0).toUpperCase()}${name.slice(1)} ${year}`;
  }
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return `${year}-${mm}-${dd}`;
}
