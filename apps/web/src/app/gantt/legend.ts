import { formatLongDay } from '../plan/labels';

/** One line of the chart's legend: the swatch's class (none for words alone) and its words. */
export interface LegendEntry {
  swatch: string | null;
  text: string;
}

/** How to read the chart: every colour comes with a word or a pattern. The deadline's line only when there is one. */
export function legendEntries(deadline: string | null): LegendEntry[] {
  return [
    { swatch: 'status-not_started', text: 'Not started' },
    { swatch: 'status-in_progress', text: 'In progress' },
    { swatch: 'status-done', text: 'Done' },
    { swatch: 'status-on_hold', text: 'On hold' },
    { swatch: 'swatch-approx', text: 'Dashed edge: approximate dates (month or year)' },
    { swatch: 'swatch-overdue', text: 'Red edge: overdue' },
    ...(deadline === null ? [] : [{ swatch: 'swatch-deadline', text: `Purple: after the ${formatLongDay(deadline)} deadline` }]),
    { swatch: 'swatch-today', text: 'Red line: today' },
    { swatch: 'swatch-arrow', text: 'Arrow: the item it points to comes after the one it starts from' },
    { swatch: 'swatch-forecast', text: 'Orange band after a bar: expected to end later than planned (solid: for sure; hatched: possibly)' },
    {
      swatch: null,
      text: '"Annex 1 only": a step found only in Annex 1, not in the plan of record; shown, but warned about only if someone sets an expected end date',
    },
    { swatch: null, text: 'Each bar also says its status and flags in words' },
  ];
}
