import {
  dayWindow,
  formatWindow,
  monthRangeWindow,
  monthWindow,
  readWindowText,
  UNKNOWN_WINDOW,
  yearWindow,
  type PlanWindow,
  type WindowTextOptions,
} from '../index';

function read(text: string, options?: WindowTextOptions): PlanWindow & { tentative: boolean; words: string } {
  const result = readWindowText(text, options);
  if (!result.ok) {
    throw new Error(`"${text}" was refused: ${result.reason}`);
  }
  return result.reading;
}

function refusal(text: string, options?: WindowTextOptions): string {
  const result = readWindowText(text, options);
  if (result.ok) {
    throw new Error(`"${text}" was read as ${JSON.stringify(result.reading)}`);
  }
  return result.reason;
}

const windowOf = (text: string, options?: WindowTextOptions): PlanWindow => {
  const { start, end, precision } = read(text, options);
  return { start, end, precision };
};

/** The same cases in every time zone of the schedule specs: a window read from text never moves a day. */
export function describeWindowText(zone: string): void {
  describe(`reading windows from text in TZ=${zone}`, () => {
    it.each([
      ['June 2025', monthWindow(2025, 6)],
      ['Jun 2025', monthWindow(2025, 6)],
      ['October - December 2025', monthRangeWindow(2025, 10, 2025, 12)],
      ['October – December 2025', monthRangeWindow(2025, 10, 2025, 12)],
      ['May to September 2025', monthRangeWindow(2025, 5, 2025, 9)],
      ['January-March 2026', monthRangeWindow(2026, 1, 2026, 3)],
      ['November - February 2026', monthRangeWindow(2025, 11, 2026, 2)],
      ['June 2025 - April 2026', monthRangeWindow(2025, 6, 2026, 4)],
      ['May or June 2025', monthRangeWindow(2025, 5, 2025, 6)],
      ['May/June 2025', monthRangeWindow(2025, 5, 2025, 6)],
      ['Q1 2026', monthRangeWindow(2026, 1, 2026, 3)],
      ['Q4 2025 - Q1 2026', monthRangeWindow(2025, 10, 2026, 3)],
      ['H2 2026', monthRangeWindow(2026, 7, 2026, 12)],
      ['2026-03', monthWindow(2026, 3)],
      ['03/2026', monthWindow(2026, 3)],
      ['by June 2026', monthWindow(2026, 6)],
      ['2026', yearWindow(2026)],
      ['2026 (tbd)', yearWindow(2026)],
      ['2026, precise timing TBD', yearWindow(2026)],
      ['January - March 2027, format tbd', monthRangeWindow(2027, 1, 2027, 3)],
      ['2025-2026', { start: '2025-01-01', end: '2026-12-31', precision: 'year' }],
      ['2026 - 2027', { start: '2026-01-01', end: '2027-12-31', precision: 'year' }],
      ['15 March 2026', dayWindow('2026-03-15')],
      ['15th March 2026', dayWindow('2026-03-15')],
      ['March 15, 2026', dayWindow('2026-03-15')],
      ['2026-03-15', dayWindow('2026-03-15')],
      ['15/03/2026', dayWindow('2026-03-15')],
      ['10 - 12 March 2026', dayWindow('2026-03-10', '2026-03-12')],
      ['30 March - 2 April 2026', dayWindow('2026-03-30', '2026-04-02')],
      ['29 February 2028', dayWindow('2028-02-29')],
      ['15 March - April 2026', { start: '2026-03-15', end: '2026-04-30', precision: 'month' }],
      ['tbd', UNKNOWN_WINDOW],
      ['TBC', UNKNOWN_WINDOW],
      ['Date to be fixed', UNKNOWN_WINDOW],
      ['to be defined', UNKNOWN_WINDOW],
    ])('reads "%s"', (text, expected) => {
      expect(windowOf(text)).toEqual(expected);
    });

    it('ends months on their last day, February included', () => {
      expect(windowOf('February 2026').end).toBe('2026-02-28');
      expect(windowOf('February 2028').end).toBe('2028-02-29');
      expect(windowOf('January - February 2100').end).toBe('2100-02-28');
    });

    it('keeps the words as written, spaces tidied', () => {
      expect(read('  October  -  December 2025 ').words).toBe('October - December 2025');
    });

    it('marks "tbc", "provisional" and a question mark as tentative, and "tbd" as not', () => {
      expect(read('June 2026 (tbc)').tentative).toBe(true);
      expect(read('provisionally March 2026').tentative).toBe(true);
      expect(read('June 2026?').tentative).toBe(true);
      expect(read('June 2026?')).toMatchObject(monthWindow(2026, 6));
      expect(read('2026 (tbd)').tentative).toBe(false);
      expect(read('June 2026').tentative).toBe(false);
    });

    it('takes the year of the activity for a step written without one', () => {
      expect(windowOf('June-July', { defaultYear: 2025 })).toEqual(monthRangeWindow(2025, 6, 2025, 7));
      expect(windowOf('September', { defaultYear: 2025 })).toEqual(monthWindow(2025, 9));
      expect(windowOf('March 2026', { defaultYear: 2025 })).toEqual(monthWindow(2026, 3));
    });

    it('reads back every wording the tracker itself writes', () => {
      const windows: PlanWindow[] = [
        monthWindow(2025, 6),
        monthRangeWindow(2025, 10, 2025, 12),
        monthRangeWindow(2025, 6, 2026, 4),
        yearWindow(2026),
        { start: '2025-01-01', end: '2026-12-31', precision: 'year' },
        dayWindow('2026-03-12'),
        dayWindow('2026-03-12', '2026-04-15'),
        UNKNOWN_WINDOW,
      ];
      for (const window of windows) {
        expect(windowOf(formatWindow(window))).toEqual(window);
      }
    });

    it.each([
      ['', /empty/],
      ['   ', /empty/],
      ['June-July', /no year/],
      ['Spring 2026', /"spring" does not say which months/],
      ['early 2026', /"early"/],
      ['end of 2025', /"end of"/],
      ['Sprung 2026', /cannot read "sprung"/],
      ['31 February 2026', /no day 31 in February 2026/],
      ['2026-13-01', /no month 13/],
      ['December - January 2026 - 2027', /one start and one end/],
      ['December 2026 - January 2026', /starts \(2026-12-01\) after it ends \(2026-01-31\)/],
      ['June 1925', /1925 is outside/],
      ['2025 - March 2026', /only a year/],
      ['3 4 2026', /numbers 3 and 4/],
      ['Q5 2026', /cannot read "q"/],
      ['x'.repeat(201), /longer than 200/],
    ])('refuses "%s" with a reason', (text, reason) => {
      expect(refusal(text)).toMatch(reason);
    });
  });
}
