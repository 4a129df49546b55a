import { Injectable } from '@nestjs/common';
import type { FollowUp, GanttData, MonitoringCall, PlanSnapshotItem } from '@tracker/contracts';
import {
  CHART_LAYOUT,
  type ChartItem,
  chartModel,
  timelineTitle,
  type ChartModel,
  chartSvg,
  type ChartView,
  isApproximate,
  paginate,
  type PlanWindow,
  slipOf,
  VIEW_SCALE,
  windowChanged,
} from '@tracker/schedule';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { PlanVersionsRepository } from '../plan-versions/plan-versions.repository';
import { PARTNERSHIP_TIME_ZONE, RiskViewService } from '../risks/risk-view.service';
import { ExportTablesService } from './export-tables.service';

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

/** Paper sizes in points, landscape. */
export const PAPER = { a4: [841.89, 595.28], a3: [1190.55, 841.89] } as const;
export type Paper = keyof typeof PAPER;

/** The fonts every chart file uses, shipped in an npm package: the same glyphs in PDF and PNG. */
const FONT_DIR = require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');
const FONTS = {
  regular: `${FONT_DIR}DejaVuSansCondensed.ttf`,
  bold: `${FONT_DIR}DejaVuSansCondensed-Bold.ttf`,
  italic: `${FONT_DIR}DejaVuSansCondensed-Oblique.ttf`,
};
/** Points (or pixels at 1x) per day when the whole chart is one image. */
const IMAGE_DAY_WIDTH = 1.2;

let wasmReady: Promise<void> | null = null;
function resvgReady(): Promise<void> {
  wasmReady ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return wasmReady;
}

export interface ChartFilter {
  partnership?: string;
  action?: number;
  /** Several Actions (a monitoring call's, or the chart page's filter), instead of `action`. */
  actions?: number[];
  /** Only the Actions this organisation leads or joins in the partnership. */
  organisation?: string;
  /** Only items with these statuses. */
  statuses?: string[];
  view?: ChartView;
  asOf?: string;
  /** Compare with this approved version (its number): ghost bars of the approved windows, the slip in the labels. */
  baseline?: number;
}

/**
 * The chart as files, drawn on the server from the chart model of @tracker/schedule: SVG (the whole
 * chart on one canvas), PNG (that SVG at 2x, rasterised by resvg compiled to WebAssembly: no native
 * binary, no browser) and PDF (A4 or A3 landscape, paged by rows and by months, header repeated).
 */
@Injectable()
export class ChartExportService {
  constructor(
    private readonly tables: ExportTablesService,
    private readonly risks: RiskViewService,
    private readonly organisations: OrganisationsRepository,
    private readonly partnerships: PartnershipsRepository,
    private readonly versions: PlanVersionsRepository,
  ) {}

  /** The chart of the filtered plan, as the chart page filters it (Actions, an organisation's Actions, statuses). */
  async model(filter: ChartFilter): Promise<ChartModel> {
    const data: GanttData = await this.tables.gantt(filter.partnership);
    let wanted = filter.actions ?? (filter.action === undefined ? null : [filter.action]);
    const filters: string[] = [];
    if (filter.organisation !== undefined) {
      const organisation = await this.organisations.get(await this.partnerships.byKey(filter.partnership), filter.organisation);
      const theirs = organisation.actions.map((a) => a.actionNumber);
      wanted = (wanted ?? theirs).filter((n) => theirs.includes(n));
      filters.push(`Actions of ${organisation.name}`);
    }
    if (filter.statuses !== undefined && filter.statuses.length > 0) {
      filters.push(`status ${filter.statuses.map((s) => s.replace(/_/g, ' ')).join(', ')}`);
    }
    if (filter.view !== undefined && filter.view !== 'month') {
      filters.push(`${filter.view} view`);
    }
    const version = filter.baseline === undefined ? null : await this.versions.byNumber(data.partnership.id, filter.baseline, 'baseline');
    const baselineName = version ? `version ${version.number}, ${version.name}` : null;
    if (baselineName) {
      filters.push(`compared with ${baselineName}`);
    }
    const approved = new Map((version?.items ?? []).filter((i) => i.kind === 'milestone').map((i) => [i.id, i]));
    const action = wanted?.length === 1 ? data.actions.find((a) => a.number === wanted[0]) : null;
    const items = data.items.filter(
      (i) => (wanted === null || wanted.includes(i.actionNumber)) && (filter.statuses === undefined || filter.statuses.includes(i.status)),
    );
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
      asOf: filter.asOf ?? (await this.risks.today()),
      deadline: data.partnership.deadline,
      items: version === null ? items : items.map((item) => ({ ...item, baseline: baselineOf(item, approved.get(item.id), version.number) })),
      view: filter.view,
      baselineName,
    });
  }

  /** The whole chart on one page: every row, every month. */
  svg(model: ChartModel): string {
    const L = CHART_LAYOUT;
    const width = Math.ceil(2 * L.margin + L.labelWidth + model.totalDays * IMAGE_DAY_WIDTH * VIEW_SCALE[model.view]);
    const height = Math.ceil(2 * L.margin + L.titleHeight + L.headerHeight + L.legendHeight + 12 + model.rows.length * L.rowHeight);
    const [page] = paginate(model, width, height);
    return chartSvg(model, page);
  }

  async png(model: ChartModel): Promise<Buffer> {
    await resvgReady();
    const resvg = new Resvg(this.svg(model), {
      fitTo: { mode: 'zoom', value: 2 },
      font: { fontBuffers: Object.values(FONTS).map((f) => readFileSync(f)), defaultFontFamily: 'DejaVu Sans Condensed', loadSystemFonts: false },
    });
    return Buffer.from(resvg.render().asPng());
  }

  async pdf(model: ChartModel, paper: Paper): Promise<Buffer> {
    const { doc, done } = this.document(`${model.title} - ${model.subtitle}`);
    this.chartPages(doc, model, paper);
    doc.end();
    return done;
  }

  /**
   * The monitoring-call pack: the call, the RAG per Action with its reasons and the risk view as of
   * the call's day, the changes since the previous call, the open follow-ups, then the chart of the
   * Actions the call covered. As `GET /api/monitoring-calls/:id` answers it.
   */
  async callPack(call: MonitoringCall, paper: Paper): Promise<Buffer> {
    const { doc, done } = this.document(`Monitoring call of ${call.heldOn}`);
    const [width, height] = PAPER[paper];
    doc.addPage({ size: [width, height], margins: { top: 36, bottom: 36, left: 40, right: 40 } });
    const heading = (text: string) => doc.moveDown(0.6).font('bold').fontSize(12).fillColor('#111827').text(text).moveDown(0.2).font('regular').fontSize(9);
    const line = (text: string, indent = 0) => doc.font('regular').fontSize(9).fillColor('#111827').text(text, { indent });
    doc.font('bold').fontSize(16).text(`Monitoring call of ${call.heldOn}`);
    line(`Actions covered: ${call.actionNumbers.join(', ')}${call.previousCall ? ` · previous call ${call.previousCall.heldOn}` : ' · the first call'}`);
    if (call.attendees.length) line(`Attendees: ${call.attendees.join('; ')}`);
    if (call.notes) line(`Notes: ${call.notes}`);
    if (call.decisions) line(`Decisions: ${call.decisions}`);

    heading(`Rating per Action as of ${call.risks.asOf} (${call.risks.daysToDeadline} days to the ${call.risks.deadline} deadline)`);
    for (const action of call.risks.actions) {
      doc.font('bold').fontSize(9).text(`Action ${action.number} ${action.shortName}: ${action.rag.toUpperCase()}`);
      action.reasons.forEach((reason) => line(`- ${reason}`, 10));
    }
    heading(`What needs attention as of ${call.risks.asOf}`);
    const covered = call.risks.items.filter((i) => call.actionNumbers.includes(i.actionNumber));
    if (covered.length === 0) line('Nothing flagged in the Actions covered.');
    covered.forEach((item) => line(`- [${item.kind.replace(/_/g, ' ')}] Action ${item.actionNumber}: ${item.title} (${item.reason})`, 0));

    heading(`Changes since ${call.previousCall ? `the previous call (${call.previousCall.heldOn})` : 'the start'}`);
    if (call.changesSincePrevious.length === 0) line('No changes.');
    for (const change of call.changesSincePrevious) {
      const shown = (value: typeof change.from): string => (value === null ? '-' : Array.isArray(value) ? value.join(', ') : String(value));
      const what = change.field ? `${change.field}: ${shown(change.from)} -> ${shown(change.to)}` : 'note';
      line(
        `- ${new Date(change.at).toLocaleDateString('en-CA', { timeZone: PARTNERSHIP_TIME_ZONE })} ${change.itemTitle}: ${what}${change.note ? ` ("${change.note}")` : ''} (${change.by.name})`,
      );
    }
    heading('Follow-ups of this call');
    if (call.followUps.length === 0) line('None recorded.');
    call.followUps.forEach((f) => line(`- ${f.done ? '[done] ' : ''}${f.what}${followUpTail(f)}`));
    heading('Open follow-ups of earlier calls');
    if (call.openEarlierFollowUps.length === 0) line('None open.');
    call.openEarlierFollowUps.forEach((f) => line(`- ${f.what} (asked ${f.callHeldOn})${followUpTail(f)}`));

    this.chartPages(
      doc,
      await this.model({ partnership: call.partnership, actions: call.actionNumbers, asOf: call.heldOn, baseline: call.comparedVersion?.number }),
      paper,
    );
    doc.end();
    return done;
  }

  private document(title: string): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
    const doc = new PDFDocument({ margin: 0, autoFirstPage: false, info: { Title: title, Creator: 'Work Plan tracker' } });
    doc.registerFont('regular', FONTS.regular);
    doc.registerFont('bold', FONTS.bold);
    doc.registerFont('italic', FONTS.italic);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<Buffer>((resolve, reject) => {
      doc.on('end', () => resolve(Buffer.concat(chunks)));
      doc.on('error', reject);
    });
    return { doc, done };
  }

  private chartPages(doc: PDFKit.PDFDocument, model: ChartModel, paper: Paper): void {
    const [width, height] = PAPER[paper];
    for (const page of paginate(model, width, height)) {
      doc.addPage({ size: [width, height], margin: 0 });
      SVGtoPDF(doc, chartSvg(model, page), 0, 0, {
        width,
        height,
        assumePt: true,
        fontCallback: (_family: string, bold: boolean, italic: boolean) => (bold ? 'bold' : italic ? 'italic' : 'regular'),
      });
    }
  }
}

function followUpTail(f: FollowUp): string {
  const owner = [f.owner?.name, f.ownerText].filter(Boolean).join(' - ');
  return `${owner ? `, owner ${owner}` : ''}${f.dueDate ? `, due ${f.dueDate}` : ', no due date'}`;
}
