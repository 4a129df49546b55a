import { calibratedSlowdown } from './lighthouse-calibration';

describe('calibratedSlowdown', () => {
  it("goes through the calculator's points, Lighthouse's default 4x at index 1533", () => {
    expect([150, 800, 1300, 1533, 1766, 2000].map((index) => Math.round(calibratedSlowdown(index) * 100) / 100)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('has no step where its pieces meet, and grows with the index', () => {
    for (const at of [800, 1300]) {
      expect(calibratedSlowdown(at) - calibratedSlowdown(at - 0.001)).toBeCloseTo(0, 4);
    }
    const indexes = [100, 400, 799, 1000, 1299, 1722, 3463];
    const slowdowns = indexes.map(calibratedSlowdown);
    expect(slowdowns).toEqual([...slowdowns].sort((a, b) => a - b));
    // This machine's index on 2026-12-03 and 2026-12-07.
    expect(calibratedSlowdown(3463)).toBeCloseTo(12.28, 2);
    expect(calibratedSlowdown(1722)).toBeCloseTo(4.81, 2);
  });

  it('never slows a machine below a phone down by less than 1x, and refuses an index that is no number', () => {
    expect(calibratedSlowdown(100)).toBe(1);
    expect(() => calibratedSlowdown(Number.NaN)).toThrow(RangeError);
    expect(() => calibratedSlowdown(0)).toThrow('benchmark index must be a positive number, got 0');
  });
});
