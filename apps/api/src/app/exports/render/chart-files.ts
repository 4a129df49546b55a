import type { FollowUp, MonitoringCall } from '@tracker/contracts';
import { actionFinishWords, CHART_LAYOUT, type ChartModel, chartSvg, paginate, RISK_KIND_LABELS, VIEW_SCALE } from '@tracker/schedule';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import type { Refusal } from './render-task';

/**
 * The chart's files drawn from its model (pure functions of plain data, run in the export workers):
 * SVG (the whole chart on one canvas), PNG (that SVG rasterised by resvg compiled to WebAssembly: no
 * native binary, no browser) and PDF (A4 or A3 landscape, paged by rows and by months, header
 * repeated), and the monitoring-call pack.
 */

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

/**
 * What one PNG may hold. The rasteriser keeps the whole image in memory (4 bytes a pixel) and
 * fails beyond about 2^28 bytes; a PNG is drawn at 2x, or smaller down to MIN_ZOOM to stay within
 * MAX_PIXELS and MAX_SIDE, and refused beyond that (the PDF pages any chart).
 */
export const PNG_LIMITS = { maxPixels: 24_000_000, maxSide: 32_000, zoom: 2, minZoom: 0.75 } as const;

let wasmReady: Promise<void> | null = null;
function resvgReady(): Promise<void> {
  wasmReady ??= initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  return wasmReady;
}
let fontBuffers: Buffer[] | null = null;

/** The size of the whole chart on one canvas, at 1x. */
function imageSize(model: ChartModel): { width: number; height: number } {
  const L = CHART_LAYOUT;
  return {
    width: Math.ceil(2 * L.margin + L.labelWidth + model.totalDays * IMAGE_DAY_WIDTH * VIEW_SCALE[model.view]),
    height: Math.ceil(2 * L.margin + L.titleHeight + L.headerHeight + L.legendHeight + 12 + model.rows.length * L.rowHeight),
  };
}

/** The whole chart on one page: every row, every month. */
export function chartSvgFile(model: ChartModel): string {
  const { width, height } = imageSize(model);
  const [page] = paginate(model, width, height);
  return chartSvg(model, page);
}

/** The zoom a PNG of the chart is drawn at: 2x, or less to stay within PNG_LIMITS; null when even MIN_ZOOM is beyond them. */
export function pngZoom(model: ChartModel): number | null {
  const { width, height } = imageSize(model);
  let zoom = Math.min(PNG_LIMITS.zoom, Math.sqrt(PNG_LIMITS.maxPixels / (width * height)), PNG_LIMITS.maxSide / width, PNG_LIMITS.maxSide / height);
  // The rasteriser rounds each side up.
  while (Math.ceil(width * zoom) * Math.ceil(height * zoom) > PNG_LIMITS.maxPixels) {
    zoom -= 0.001;
  }
  return zoom >= PNG_LIMITS.minZoom ? zoom : null;
}

export async function chartPng(model: ChartModel): Promise<Buffer | Refusal> {
  const zoom = pngZoom(model);
  if (zoom === null) {
    const { width, height } = imageSize(model);
    const months = model.months.length;
    return {
      status: 422,
      message:
        `chart.png of ${model.rows.length} rows over ${months} months would be ${Math.round(width * PNG_LIMITS.minZoom)} x ${Math.round(height * PNG_LIMITS.minZoom)} pixels ` +
        `even at ${PNG_LIMITS.minZoom}x, beyond what one image can hold (${PNG_LIMITS.maxPixels / 1_000_000} million pixels, ${PNG_LIMITS.maxSide} a side): ` +
        'choose fewer Actions (actions=) or statuses (status=), a quarter or year view (view=), or download chart.pdf, which pages any chart',
    };
  }
  await resvgReady();
  fontBuffers ??= Object.values(FONTS).map((f) => readFileSync(f));
  const resvg = new Resvg(chartSvgFile(model), {
    fitTo: { mode: 'zoom', value: zoom },
    font: { fontBuffers, defaultFontFamily: 'DejaVu Sans Condensed', loadSystemFonts: false },
  });
  try {
    const image = resvg.render();
    try {
      return Buffer.from(image.asPng());
    } finally {
      image.free();
    }
  } finally {
    resvg.free();
  }
}

export function chartPdf(model: ChartModel, paper: Paper): Promise<Buffer> {
  const { doc, done } = pdfDocument(`${model.title} - ${model.subtitle}`);
  chartPages(doc, model, paper);
  doc.end();
  return done;
}

/**
 * The monitoring-call pack: the call, the RAG per Action with its reasons and the risk view as of
 * the call's day, the changes since the previous call, the open follow-ups, then the chart of the
 * Actions the call covered (`model`). As `GET /api/monitoring-calls/:id` answers it; the changes' days
 * in the partnership's time zone.
 */
export function callPackPdf(call: MonitoringCall, model: ChartModel, paper: Paper, timeZone: string): Promise<Buffer> {
  const { doc, done } = pdfDocument(`Monitoring call of ${call.heldOn}`);
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
    line(`- ${actionFinishWords(action.finish, call.risks.deadline)}`, 10);
  }
  heading(`What needs attention as of ${call.risks.asOf}`);
  const covered = call.risks.items.filter((i) => call.actionNumbers.includes(i.actionNumber));
  if (covered.length === 0) line('Nothing flagged in the Actions covered.');
  covered.forEach((item) => line(`- [${RISK_KIND_LABELS[item.kind]}] Action ${item.actionNumber}: ${item.title} (${item.reason})`, 0));

  heading(`Changes since ${call.previousCall ? `the previous call (${call.previousCall.heldOn})` : 'the start'}`);
  if (call.changesSincePrevious.length === 0) line('No changes.');
  for (const change of call.changesSincePrevious) {
    const shown = (value: typeof change.from): string => (value === null ? '-' : Array.isArray(value) ? value.join(', ') : String(value));
    const what = change.field ? `${change.field}: ${shown(change.from)} -> ${shown(change.to)}` : 'note';
    line(
      `- ${new Date(change.at).toLocaleDateString('en-CA', { timeZone })} ${change.itemTitle}: ${what}${change.note ? ` ("${change.note}")` : ''} (${change.by.name})`,
    );
  }
  heading('Follow-ups of this call');
  if (call.followUps.length === 0) line('None recorded.');
  call.followUps.forEach((f) => line(`- ${f.done ? '[done] ' : ''}${f.what}${followUpTail(f)}`));
  heading('Open follow-ups of earlier calls');
  if (call.openEarlierFollowUps.length === 0) line('None open.');
  call.openEarlierFollowUps.forEach((f) => line(`- ${f.what} (asked ${f.callHeldOn})${followUpTail(f)}`));

  chartPages(doc, model, paper);
  doc.end();
  return done;
}

export function pdfDocument(title: string): { doc: PDFKit.PDFDocument; done: Promise<Buffer> } {
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

function chartPages(doc: PDFKit.PDFDocument, model: ChartModel, paper: Paper): void {
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

function followUpTail(f: FollowUp): string {
  const owner = [f.owner?.name, f.ownerText].filter(Boolean).join(' - ');
  return `${owner ? `, owner ${owner}` : ''}${f.dueDate ? `, due ${f.dueDate}` : ', no due date'}`;
}
