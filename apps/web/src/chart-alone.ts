/**
 * The home page's chart and nothing else: the plan read from the API, its items and rows made as the
 * page makes them, drawn by the same code with the same options, without the app or the page around
 * it (no framework, no header, no heading). The benchmark (`apps/bench`) bundles it and times it
 * beside the tracker and plain frappe-gantt. Not part of the web app's build.
 */
import type { GanttData } from '@tracker/contracts';
import { today } from '@tracker/schedule';
import { drawChart } from './app/gantt/chart-drawing';
import { ALL_EXPANDED, chartPageItems, chartPageRows, planStart } from './app/gantt/gantt-model';

const partnership = new URL(location.href).searchParams.get('partnership');
const answer = await fetch(`/api/gantt${partnership ? `?partnership=${encodeURIComponent(partnership)}` : ''}`);
const data = (await answer.json()) as GanttData;
const items = chartPageItems(data.items, today(), data.partnership.deadline);
const rows = chartPageRows(items, data.actions, ALL_EXPANDED);
const host = document.querySelector<HTMLElement>('.gantt-host');
if (!host) throw new Error('The page has no .gantt-host to draw the chart in');
const gantt = drawChart(host, { rows, viewMode: 'Month', scrollTo: planStart(items), deadline: data.partnership.deadline });
host.setAttribute('data-chart-rows', String(rows.length));
// When the chart finished drawing, as the tracker's chart says it.
(window as unknown as { __wpGanttRenderedAt?: number }).__wpGanttRenderedAt = performance.now();
host.setAttribute('data-rendered-bars', String(gantt.bars.length));
