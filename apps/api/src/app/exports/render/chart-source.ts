import type { GanttData, PlanSnapshotItem } from '@tracker/contracts';
import {
  type ChartItem,
  chartModel,
  timelineTitle,
  type ChartModel,
  type ChartView,
  forecastLinkedItems,
  isApproximate,
  type PlanWindow,
  slipOf,
  windowChanged,
} from '@tracker/schedule';

/**
 * What the chart of a filtered plan is drawn from, as read on the main thread: the chart's JSON as
 * `GET /api/gantt` serves it (text: parsed in the worker), the filters, and what they name that the
 * JSON does not hold (an organisation's Actions, an approved version's windows).
 */
export interface ChartSource {
  gantt: string;
  /** Actions asked for (`action` or `actions`), or null for all. */
  actions: number[] | null;
  organisation: { name: string; actions: number[] } | null;
  statuses: string[] | null;
  view: ChartView;
  asOf: string;
  /** The approved version compared with (`baseline`), if any. */
  version: { number: number; name: string; items: PlanSnapshotItem[] } | null;
}

/** An item against its approved window: the slip in words (libs/schedule), or "added since version N". */
function baselineOf(item: PlanWindow, then: PlanSnapshotItem | undefined, versionNumber: number): NonNullable<ChartItem['baseline']> {
  if (!then) {
    return { start: null, end: null, approximate: false, words: `added since version ${versionNumber}`, changed: true };
  }
  const window: PlanWindow = { start: then.start, end: then.end, precision: then.precision };
  const current: PlanWindow = { start: item.start, end: item.end, precision: item.precision };
  return {
    start: then.start,
    end: then.end,
    approximate: isApproximate(window),
    words: slipOf(window, current).words,
    changed: windowChanged(window, current),
  };
}

/** The chart of the filtered plan, as the chart page filters it (Actions, an organisation's Actions, statuses). */
export function chartModelOf(source: ChartSource): ChartModel {
  const data = JSON.parse(source.gantt) as GanttData;
  let wanted = source.actions;
  const filters: string[] = [];
  if (source.organisation !== null) {
    const theirs = source.organisation.actions;
    wanted = (wanted ?? theirs).filter((n) => theirs.includes(n));
    filters.push(`Actions of ${source.organisation.name}`);
  }
  const statuses = source.statuses;
  if (statuses !== null && statuses.length > 0) {
    filters.push(`status ${statuses.map((s) => s.replace(/_/g, ' ')).join(', ')}`);
  }
  if (source.view !== 'month') {
    filters.push(`${source.view} view`);
  }
  const version = source.version;
  const baselineName = version ? `version ${version.number}, ${version.name}` : null;
  if (baselineName) {
    filters.push(`compared with ${baselineName}`);
  }
  const approved = new Map((version?.items ?? []).filter((i) => i.kind === 'milestone').map((i) => [i.id, i]));
  const action = wanted?.length === 1 ? data.actions.find((a) => a.number === wanted[0]) : null;
  // The forecast of the whole plan, as the risk view computes it: a predecessor the filters leave out still pushes.
  const forecasts = forecastLinkedItems(
    data.items.map((i) => ({ ...i, planOfRecord: !(i.notes ?? []).some((note) => note.kind === 'annex_only') })),
    source.asOf,
  );
  const items = data.items
    .filter((i) => (wanted === null || wanted.includes(i.actionNumber)) && (statuses === null || statuses.includes(i.status)))
    .map((i) => ({ ...i, forecast: forecasts.get(i.id) ?? null }));
  const scope = action
    ? `Action ${action.number} ${action.shortName}`
    : wanted
      ? `Actions ${
          data.actions
            .filter((a) => wanted.includes(a.number))
            .map((a) => `${a.number} ${a.shortName}`)
            .join(', ') || 'none'
        }`
      : `All Actions (${data.actions.map((a) => `${a.number} ${a.shortName}`).join(', ')})`;
  return chartModel({
    // What the chart is, whole on the first line; the partnership's long name leads the second.
    title: timelineTitle(data.items.map((i) => i.source)),
    subtitle: [data.partnership.name, scope, ...filters].join(' · '),
    asOf: source.asOf,
    deadline: data.partnership.deadline,
    items: version === null ? items : items.map((item) => ({ ...item, baseline: baselineOf(item, approved.get(item.id), version.number) })),
    view: source.view,
    baselineName,
  });
}
