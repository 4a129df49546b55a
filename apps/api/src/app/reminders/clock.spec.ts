import { brusselsTime } from './clock';

describe('brusselsTime', () => {
  it('reads the day, weekday and hour in Brussels, across midnight and the clock changes', () => {
    // 23:30 UTC on Sunday is already Monday 00:30 in Brussels (winter, UTC+1).
    expect(brusselsTime(new Date('2026-11-29T23:30:00Z'))).toEqual({ date: '2026-11-30', weekday: 1, hour: 0 });
    // Summer time (UTC+2).
    expect(brusselsTime(new Date('2026-06-28T22:15:00Z'))).toEqual({ date: '2026-06-29', weekday: 1, hour: 0 });
    expect(brusselsTime(new Date('2026-12-01T06:00:00Z'))).toEqual({ date: '2026-12-01', weekday: 2, hour: 7 });
  });
});
