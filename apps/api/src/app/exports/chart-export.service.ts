import { Injectable } from '@nestjs/common';
import type { GanttData } from '@tracker/contracts';
import { CHART_LAYOUT, chartModel, type ChartModel, chartSvg, paginate } from '@tracker/schedule';
import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { RiskViewService } from '../risks/risk-view.service';
import { ExportTablesService } from './export-tables.service';

/** Paper sizes in points, landscape. */
export const PAPER = { a4: [841.89, 595.28], a3: [1190.55, 841.89] } as const;
export type Paper = keyof typeof PAPER;

/** The fonts every chart file uses, shipped in an npm package: the same glyphs in PDF and PNG. */
const FONT_DIR = require.resolve('dejavu-fonts-ttf/package.json').replace(/package\.json$/, 'ttf/');
const FONTS = { regular: `${FONT_DIR}DejaVuSansCondensed.ttf`, bold: `${FONT_DIR}DejaVuSansCondensed-Bold.ttf`, italic: `${FONT_DIR}DejaVuSansCondensed-Oblique.ttf` };
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
  asOf?: string;
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
  ) {}

  async model(filter: ChartFilter): Promise<ChartModel> {
    const data: GanttData = await this.tables.gantt(filter.partnership);
    const action = filter.action === undefined ? null : data.actions.find((a) => a.number === filter.action);
    const items = data.items.filter((i) => filter.action === undefined || i.actionNumber === filter.action);
    return chartModel({
      title: `${data.partnership.name}: Work Plan timeline (Annex 2)`,
      subtitle: action ? `Action ${action.number} ${action.shortName}` : `All Actions (${data.actions.map((a) => `${a.number} ${a.shortName}`).join(', ')})`,
      asOf: filter.asOf ?? (await this.risks.today()),
      deadline: data.partnership.deadline,
      items,
    });
  }

  /** The whole chart on one page: every row, every month. */
  svg(model: ChartModel): string {
    const L = CHART_LAYOUT;
    const width = Math.ceil(2 * L.margin + L.labelWidth + model.totalDays * IMAGE_DAY_WIDTH);
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
    const [width, height] = PAPER[paper];
    const doc = new PDFDocument({ size: [width, height], margin: 0, autoFirstPage: false, info: { Title: `${model.title} - ${model.subtitle}`, Creator: 'Work Plan tracker' } });
    doc.registerFont('regular', FONTS.regular);
    doc.registerFont('bold', FONTS.bold);
    doc.registerFont('italic', FONTS.italic);
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    const done = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    for (const page of paginate(model, width, height)) {
      doc.addPage({ size: [width, height], margin: 0 });
      SVGtoPDF(doc, chartSvg(model, page), 0, 0, {
        width,
        height,
        assumePt: true,
        fontCallback: (_family: string, bold: boolean, italic: boolean) => (bold ? 'bold' : italic ? 'italic' : 'regular'),
      });
    }
    doc.end();
    await done;
    return Buffer.concat(chunks);
  }
}
