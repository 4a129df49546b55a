import { dayInWords, defaultPeriod, periodProblem } from './report-period';

describe('the report period', () => {
  it('covers the three months up to today by default', () => {
    expect(defaultPeriod(new Date(2027, 0, 15, 23, 30))).toEqual({ from: '2026-10-15', to: '2027-01-15' });
  });

  it('names the field of a missing or backwards period', () => {
    expect(periodProblem('2026-12-01', '2027-01-15')).toBeNull();
    expect(periodProblem('', '2027-01-15')).toMatch(/From/);
    expect(periodProblem('2026-12-01', '')).toMatch(/To/);
    expect(periodProblem('2027-01-16', '2027-01-15')).toBe('From (16 Jan 2027) must be on or before To (15 Jan 2027).');
    expect(dayInWords('2027-03-31')).toBe('31 Mar 2027');
  });
});
