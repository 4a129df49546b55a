import type { ProgressReport } from '@tracker/contracts';
import { AlignmentType, Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { pdfDocument } from '../../exports/render/chart-files';
import { type Block, type Part, reportBlocks, reportTitle } from './report-blocks';

/**
 * The progress and final reports' files, drawn from the one report model (pure functions of plain
 * data, run in the export workers): an editable Word document (docx) with real headings and
 * bullets, and a PDF (pdfkit, A4 portrait) of the same blocks.
 */

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2 } as const;

function runs(parts: Part[]): (TextRun | ExternalHyperlink)[] {
  return parts.map((part) =>
    typeof part === 'string' ? new TextRun(part) : new ExternalHyperlink({ link: part.href, children: [new TextRun({ text: part.text, style: 'Hyperlink' })] }),
  );
}

function paragraph(block: Block): Paragraph {
  switch (block.kind) {
    case 'title':
      return new Paragraph({ text: block.text, heading: HeadingLevel.TITLE, alignment: AlignmentType.LEFT });
    case 'heading':
      return new Paragraph({ text: block.text, heading: HEADINGS[block.level] });
    case 'text':
      return new Paragraph({ children: runs(block.parts), spacing: { after: 120 } });
    case 'bullet':
      return new Paragraph({ children: runs(block.parts), bullet: { level: block.indent ?? 0 } });
  }
}

export async function reportDocx(report: ProgressReport): Promise<Buffer> {
  const document = new Document({
    creator: 'Work Plan tracker',
    title: reportTitle(report),
    description: `${report.from} to ${report.to}`,
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: reportBlocks(report).map(paragraph) }],
  });
  return Packer.toBuffer(document);
}

/** A4 portrait in points, and its margins. */
const PAGE = { size: [595.28, 841.89] as [number, number], margin: 50 };

export function reportPdf(report: ProgressReport): Promise<Buffer> {
  const { doc, done } = pdfDocument(reportTitle(report));
  doc.addPage({ size: PAGE.size, margin: PAGE.margin });
  const width = PAGE.size[0] - 2 * PAGE.margin;
  for (const block of reportBlocks(report)) {
    switch (block.kind) {
      case 'title':
        doc.font('bold').fontSize(18).fillColor('#111827').text(block.text, { width }).moveDown(0.4);
        break;
      case 'heading':
        doc
          .moveDown(block.level === 1 ? 0.8 : 0.4)
          .font('bold')
          .fontSize(block.level === 1 ? 14 : 11)
          .fillColor('#111827')
          .text(block.text, { width })
          .moveDown(0.2);
        break;
      case 'text':
        line(doc, block.parts, 0, width);
        doc.moveDown(0.3);
        break;
      case 'bullet': {
        const indent = 12 + (block.indent ?? 0) * 14;
        line(doc, [block.indent ? '- ' : '• ', ...block.parts], indent, width - indent);
        break;
      }
    }
  }
  doc.end();
  return done;
}

/** One line of parts, links underlined and clickable. */
function line(doc: PDFKit.PDFDocument, parts: Part[], indent: number, width: number): void {
  const x = PAGE.margin + indent;
  doc.font('regular').fontSize(10).fillColor('#111827');
  parts.forEach((part, index) => {
    const link = typeof part === 'string' ? null : part.href;
    const options: PDFKit.Mixins.TextOptions = { width, continued: index < parts.length - 1, link, underline: link !== null };
    const words = typeof part === 'string' ? part : part.text;
    doc.fillColor(link === null ? '#111827' : '#1d4ed8');
    if (index === 0) {
      doc.text(words, x, doc.y, options);
    } else {
      doc.text(words, options);
    }
  });
  doc.fillColor('#111827');
}
