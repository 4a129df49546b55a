// Adds a <link rel="modulepreload"> to the built index page for every module its entry scripts import
// statically, however deep. The Angular build writes at most ten of them: the rest (the framework's
// own chunk among them) were found only once the modules that import them had arrived and been
// parsed, one more round trip before the app could start. Dynamic imports (the lazy pages) are left
// to load on demand. Usage: node preload-modules.mjs <dir>
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? 'dist/web/browser');
const indexPath = join(dir, 'index.html');
const html = await readFile(indexPath, 'utf8');

/** Relative files a module imports statically (`import ... from "./x.js"`, `import "./x.js"`, `export ... from "./x.js"`). */
function staticImports(source) {
  const found = new Set();
  for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([\w.-]+\.m?js)["']/g)) found.add(match[1]);
  return found;
}

const entries = [
  ...html.matchAll(/<script[^>]*\bsrc="([\w.-]+\.m?js)"[^>]*\btype="module"[^>]*>|<script[^>]*\btype="module"[^>]*\bsrc="([\w.-]+\.m?js)"[^>]*>/g),
].map((m) => m[1] ?? m[2]);
if (entries.length === 0) throw new Error(`${indexPath}: no module script`);
const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="([^"]+)"[^>]*>/g)].map((m) => m[1]));

const reached = new Set();
const queue = [...entries];
while (queue.length > 0) {
  const file = queue.shift();
  for (const imported of staticImports(await readFile(join(dir, file), 'utf8'))) {
    if (!reached.has(imported) && !entries.includes(imported)) {
      reached.add(imported);
      queue.push(imported);
    }
  }
}

const missing = [...reached].filter((file) => !preloaded.has(file)).sort();
if (missing.length > 0) {
  const links = missing.map((file) => `<link rel="modulepreload" href="${file}">`).join('');
  const firstEntry = html.search(/<script[^>]*type="module"/);
  await writeFile(indexPath, html.slice(0, firstEntry) + links + html.slice(firstEntry));
}
console.log(`modulepreload: ${reached.size} modules imported statically by ${entries.join(', ')}; ${missing.length} added (${missing.join(', ') || 'none'})`);
