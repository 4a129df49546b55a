// Adds a <link rel="modulepreload"> to the built index page for every module its entry scripts import
// statically, however deep. The Angular build writes at most ten of them: the rest (the framework's
// own chunk among them) were found only once the modules that import them had arrived and been
// parsed, one more round trip before the app could start. Dynamic imports (the lazy pages) are left
// to load on demand. The modules the entry imports dynamically (the app, which it starts after the
// home page's first paint) and what they import statically are listed in the page as preload links
// inside <template id="wp-app-modules">, inert until the entry adds them to the page when it starts
// the app's download: all at once, not one import after another.
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

/** Every module `roots` import statically, however deep, but none of `known`. */
async function staticClosure(roots, known) {
  const reached = new Set();
  const queue = [...roots];
  while (queue.length > 0) {
    const file = queue.shift();
    for (const imported of staticImports(await readFile(join(dir, file), 'utf8'))) {
      if (!reached.has(imported) && !known.has(imported)) {
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
const app = [...started, ...(await staticClosure([...started], new Set([...entries, ...reached, ...started])))].sort();

const missing = [...reached].filter((file) => !preloaded.has(file)).sort();
const listed = /<template id="wp-app-modules">/.test(html);
let written = html;
const firstEntry = () => written.search(/<script[^>]*type="module"/);
if (missing.length > 0) {
  const links = missing.map((file) => `<link rel="modulepreload" href="${file}">`).join('');
  written = written.slice(0, firstEntry()) + links + written.slice(firstEntry());
}
if (!listed && app.length > 0) {
  const template = `<template id="wp-app-modules">${app.map((file) => `<link rel="modulepreload" href="${file}">`).join('')}</template>`;
  written = written.slice(0, firstEntry()) + template + written.slice(firstEntry());
}
if (written !== html) await writeFile(indexPath, written);
console.log(
  `modulepreload: ${reached.size} modules imported statically by ${entries.join(', ')}; ${missing.length} added (${missing.join(', ') || 'none'}); ` +
    `${listed ? 'the app already listed' : `${app.length} listed for the app`}`,
);
