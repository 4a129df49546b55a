// Reads a PDF with pdfjs-dist (an independent reader) and prints, as JSON, each page's size and text.
// Usage: node pdf-text.mjs file.pdf   (run in a child process: pdfjs-dist is an ES module)
import { readFile } from 'node:fs/promises';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(await readFile(process.argv[2]));
const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false }).promise;
const pages = [];
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const content = await page.getTextContent();
  pages.push({
    width: Math.round(page.view[2] - page.view[0]),
    height: Math.round(page.view[3] - page.view[1]),
    text: content.items.map((item) => item.str).join('\n'),
  });
}
process.stdout.write(JSON.stringify(pages));
