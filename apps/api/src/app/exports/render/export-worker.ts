// The export worker: a worker thread of the export pool (export-renderer.ts) that draws the files
// the API must not draw on its request loop. Built as its own bundle beside main.js
// (dist/api/export-worker.js); its default export is the function the pool calls with each task.
import { reportDocx, reportPdf } from '../../reports/render/report-files';
import { calendarText } from './calendar-files';
import { callPackPdf, chartPdf, chartPng, chartSvgFile } from './chart-files';
import { chartModelOf } from './chart-source';
import type { RenderResult, RenderTask } from './render-task';

export default async function render(task: RenderTask): Promise<RenderResult> {
  switch (task.kind) {
    case 'chart': {
      const model = chartModelOf(task.source);
      if (task.format === 'svg') {
        return { body: Buffer.from(chartSvgFile(model), 'utf8') };
      }
      const body = task.format === 'png' ? await chartPng(model) : await chartPdf(model, task.paper);
      return Buffer.isBuffer(body) ? { body } : { refusal: body };
    }
    case 'call-pack':
      return { body: await callPackPdf(task.call, chartModelOf(task.source), task.paper, task.timeZone) };
    case 'calendar': {
      const text = calendarText(task.feed);
      return typeof text === 'string' ? { body: Buffer.from(text, 'utf8') } : { refusal: text };
    }
    case 'report':
      return { body: task.format === 'docx' ? await reportDocx(task.report) : await reportPdf(task.report) };
  }
}
