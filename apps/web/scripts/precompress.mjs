// Writes a Brotli (.br) and a gzip (.gz) copy beside each text file of the built web app, at the
// highest levels (done once per build, so the server never compresses these files per request).
// A copy that would not be smaller than the file is not written. Usage: node precompress.mjs <dir>
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const TEXT = /\.(?:html|js|mjs|css|svg|json|webmanifest|txt|xml|map|ico)$/;
const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

const dir = resolve(process.argv[2] ?? 'dist/web/browser');

async function* files(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

let plain = 0;
let written = 0;
for await (const path of files(dir)) {
  if (path.endsWith('.br') || path.endsWith('.gz')) {
    await rm(path); // left from an earlier build
    continue;
  }
  if (!TEXT.test(path)) continue;
  const content = await readFile(path);
  plain += 1;
  const copies = [
    ['.br', await brotli(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } })],
    ['.gz', await gz(content, { level: 9 })],
  ];
  for (const [suffix, compressed] of copies) {
    if (compressed.length < content.length) {
      await writeFile(path + suffix, compressed);
      written += 1;
    }
  }
}
console.log(`precompressed ${plain} files of ${dir} (${written} .br and .gz copies)`);
