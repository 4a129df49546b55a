/**
 * The CPU slowdown that makes a machine of this Lighthouse benchmark index a mid-tier phone: the
 * calibration Lighthouse documents (docs/throttling.md, "Calibrating the CPU slowdown") through the
 * points of its CPU throttling calculator: index 150 is 1x, 800 is 2x, 1300 is 3x, and one more
 * for every 233 above that. Lighthouse's default of 4x is this slowdown for an index of 1533 only:
 * a faster machine needs more to look like the same phone, a slower one less.
 */
export function calibratedSlowdown(benchmarkIndex: number): number {
  if (!Number.isFinite(benchmarkIndex) || benchmarkIndex <= 0) {
    throw new RangeError(`benchmark index must be a positive number, got ${benchmarkIndex}`);
  }
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 2 + (benchmarkIndex - 800) / 500;
  return Math.max(1, 1 + (benchmarkIndex - 150) / 650);
}
