import type { PlanComparison, PlanSnapshotItem } from '@tracker/contracts';
import { formatWindow } from '@tracker/schedule';
import { STATUS_LABELS } from '../plan/labels';

/** One line of the comparison, in words. */
export interface ChangeLine {
  kind: 'Added' | 'Removed' | 'Cancelled' | 'Renamed' | 'Moved' | 'Put under another activity' | 'Forecast moved' | 'Link added' | 'Link removed';
  item: PlanSnapshotItem;
  detail: string;
}

/** `"Mapping to be drafted" (Action 2), 1 month later`: a link's predecessor, its Action when another, and the lag. */
function linkWords(predecessor: PlanSnapshotItem, successor: PlanSnapshotItem, lagMonths: number): string {
  const where = predecessor.actionNumber === successor.actionNumber ? '' : ` (Action ${predecessor.actionNumber})`;
  const lag = lagMonths === 0 ? '' : `, ${lagMonths} month${lagMonths === 1 ? '' : 's'} later`;
  return `"${predecessor.title}"${where}${lag}`;
}

/** The comparison of two versions, one line a change, in words: the plan's own changes, then forecast moves, then links. */
export function comparisonLines(c: PlanComparison): ChangeLine[] {
  const window = (w: Pick<PlanSnapshotItem, 'start' | 'end' | 'precision' | 'windowText'>) => `"${w.windowText || 'no timing'}" (${formatWindow(w)})`;
  return [
    ...c.added.map((item) => ({ kind: 'Added' as const, item, detail: `${window(item)}${item.parentId ? ', a step' : ''}` })),
    ...c.removed.map((item) => ({ kind: 'Removed' as const, item, detail: window(item) })),
    ...c.cancelled.map((item) => ({
      kind: 'Cancelled' as const,
      item,
      detail: `now ${STATUS_LABELS[item.status as keyof typeof STATUS_LABELS] ?? item.status}`,
    })),
    ...c.renamed.map(({ item, fromTitle }) => ({ kind: 'Renamed' as const, item, detail: `was "${fromTitle}"` })),
    ...c.moved.map(({ item, from, slip }) => ({ kind: 'Moved' as const, item, detail: `${slip.words}: from ${window(from)} to ${window(item)}` })),
    ...c.reparented.map(({ item }) => ({
      kind: 'Put under another activity' as const,
      item,
      detail: item.parentId ? 'now a step of another activity' : 'now an activity',
    })),
    ...c.forecastMoved.map(({ item, words }) => ({ kind: 'Forecast moved' as const, item, detail: words })),
    ...c.linksAdded.map(({ predecessor, successor, lagMonths }) => ({
      kind: 'Link added' as const,
      item: successor,
      detail: `now comes after ${linkWords(predecessor, successor, lagMonths)}`,
    })),
    ...c.linksRemoved.map(({ predecessor, successor, lagMonths }) => ({
      kind: 'Link removed' as const,
      item: successor,
      detail: `no longer comes after ${linkWords(predecessor, successor, lagMonths)}`,
    })),
  ];
}
