/** @jest-environment-options {"timezone": "Europe/Brussels"} */
import { findCycle, forecastPlan, type ForecastItem, type ForecastLink } from '../index';

/** The forecast of a large plan (the benchmark's size: 5,000 items, 5,000 links), in one zone: its speed does not depend on it. */
const item = (id: string, values: Partial<ForecastItem>): ForecastItem => ({
  id,
  start: null,
  end: null,
  precision: 'month',
  status: 'not_started',
  ...values,
});
const link = (predecessorId: string, successorId: string, lagMonths: number): ForecastLink => ({ predecessorId, successorId, lagMonths });

it('forecasts 5,000 items with 5,000 links well under 200 ms', () => {
  const items: ForecastItem[] = [];
  const links: ForecastLink[] = [];
  for (let i = 0; i < 5000; i++) {
    const month = (i % 24) + 1;
    const year = 2025 + Math.floor(month / 13);
    const m = String(((month - 1) % 12) + 1).padStart(2, '0');
    items.push(
      item(`i${i}`, {
        start: `${year}-${m}-01`,
        end: `${year}-${m}-28`,
        status: i % 3 === 0 ? 'in_progress' : 'not_started',
        progress: i % 7 === 0 ? 20 : null,
      }),
    );
    if (i > 0) links.push(link(`i${Math.floor(i / 2)}`, `i${i}`, i % 3));
  }
  findCycle(links);
  forecastPlan(items, links, '2026-12-07');
  const times = [0, 1, 2, 3, 4].map(() => {
    const started = performance.now();
    expect(findCycle(links)).toEqual([]);
    const forecasts = forecastPlan(items, links, '2026-12-07');
    expect(forecasts.size).toBe(5000);
    return performance.now() - started;
  });
  expect(times.sort((a, b) => a - b)[2]).toBeLessThan(200);
});
