// Adds a <link rel="modulepreload"> to the built index page for every module its entry scripts import
// statically, however deep, and, at low priority, for every module the entry imports dynamically and
// what those import statically: the app, which the entry starts once the home page's first paint is
// drawn, downloads meanwhile, behind what the first paint needs. The Angular build writes at most ten
// of them: the rest (the framework's own chunk among them) were found only once the modules that
// import them had arrived and been parsed, one more round trip each before the app could start. The
// app's own dynamic imports (the lazy pages) are left to load on demand.
// Usage: node preload-modules.mjs <dir>
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

/** Relative files a module imports dynamically (`import("./x.js")`, quoted in any way). */
function dynamicImports(source) {
  return new Set([...source.matchAll(/\bimport\(\s*["'`]\.\/([\w.-]+\.m?js)["'`]\s*\)/g)].map((m) => m[1]));
}

/** Every module `roots` import statically, however deep, not counting `except`. */
async function staticClosure(roots, except) {
  const reached = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const imported of staticImports(await readFile(join(dir, file), 'utf8'))) {
      if (!reached.has(imported) && !except.has(imported)) {
        reached.add(imported);
        queue.push(imported);
      }
    }
  }
  return reached;
}

const reached = await staticClosure(entries, new Set(entries));
const started = new Set();
for (const entry of entries) {
  for (const imported of dynamicImports(await readFile(join(dir, entry), 'utf8'))) if (!reached.has(imported)) started.add(imported);
}
const later = new Set([...started, ...(await staticClosure([...started], new Set([...entries, ...reached])))]);

const missing = [...reached].filter((file) => !preloaded.has(file)).sort();
const missingLater = [...later].filter((file) => !preloaded.has(file) && !reached.has(file)).sort();
if (missing.length + missingLater.length > 0) {
  const links =
    missing.map((file) => `<link rel="modulepreload" href="${file}">`).join('') +
    missingLater.map((file) => `<link rel="modulepreload" href="${file}" fetchpriority="low">`).join('');
  const firstEntry = html.search(/<script[^>]*type="module"/);
  await writeFile(indexPath, html.slice(0, firstEntry) + links + html.slice(firstEntry));
}
console.log(
  `modulepreload: ${reached.size} modules imported statically by ${entries.join(', ')}, ${later.size} by what it imports dynamically; ${missing.length + missingLater.length} added (${[...missing, ...missingLater].join(', ') || 'none'})`,
);
