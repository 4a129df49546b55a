/** @jest-environment-options {"timezone": "Europe/Brussels"} */
import { findCycle, forecastPlan, type ForecastItem, type ForecastLink } from '../index';

/**
 * The forecast of a large plan (the benchmark's size: 5,000 items, 5,000 links) is whole: every item
 * forecast, no cycle found. Its speed is measured by `npm run bench`, not here.
 */
const item = (id: string, values: Partial<ForecastItem>): ForecastItem => ({
  id,
  start: null,
  end: null,
  precision: 'month',
  status: 'not_started',
  ...values,
});
const link = (predecessorId: string, successorId: string, lagMonths: number): ForecastLink => ({ predecessorId, successorId, lagMonths });

it('forecasts every item of a 5,000-item plan with 5,000 links', () => {
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
  expect(findCycle(links)).toEqual([]);
  const forecasts = forecastPlan(items, links, '2026-12-07');
  expect(forecasts.size).toBe(5000);
  // Every item is open: none can end before the as-of day, and no range is upside down.
  const wrong = [...forecasts.entries()].filter(([, f]) => f.earliestEnd === null || f.earliestEnd < '2026-12-07' || (f.latestEnd ?? '') < f.earliestEnd);
  expect(wrong).toEqual([]);
});
