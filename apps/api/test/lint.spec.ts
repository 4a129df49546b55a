import { execFile } from 'node:child_process';
import { rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(__dirname, '../../..');

/** Small files written into the projects for the time of the test, each breaking (or keeping) one rule. */
const PROBES = {
  webImportsApi: [
    'apps/web/src/app/boundary-probe.spec.ts',
    "import { loadConfig } from '../../../api/src/app/config/config';\n\nexport const probe = loadConfig;\n",
  ],
  contractsImportSchedule: ['libs/contracts/src/lib/boundary-probe.ts', "import { today } from '@tracker/schedule';\n\nexport const probe = today;\n"],
  scheduleImportsNest: ['libs/schedule/src/lib/boundary-probe.ts', "import { Injectable } from '@nestjs/common';\n\nexport const probe = Injectable;\n"],
  scheduleAllowed: [
    'libs/schedule/src/lib/boundary-probe-allowed.ts',
    "import type { Milestone } from '@tracker/contracts';\nimport { addDays } from 'date-fns';\n\nexport const probe = (m: Milestone) => addDays(new Date(0), m.progress);\n",
  ],
  webAllowed: [
    'apps/web/src/app/boundary-probe-allowed.spec.ts',
    "import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';\nimport { today } from '@tracker/schedule';\n\nexport const probe = [DEFAULT_PARTNERSHIP_KEY, today];\n",
  ],
  floatingPromise: [
    'libs/schedule/src/lib/boundary-probe-promise.ts',
    'async function later(): Promise<number> {\n  return Promise.resolve(1);\n}\n\nexport function probe(): void {\n  later();\n}\n',
  ],
  apiQueryBuilder: [
    'apps/api/src/app/boundary-probe-sql.ts',
    "import { InjectRepository } from '@nestjs/typeorm';\nimport type { DataSource } from 'typeorm';\n\nexport const probe = InjectRepository;\nexport const rows = (db: DataSource) => db.createQueryBuilder().select('1').getRawMany();\n",
  ],
} as const;

type Probe = keyof typeof PROBES;

/**
 * The guard rails hold: `npm run lint` (ESLint with the flat config at the root) refuses an import that
 * crosses a project boundary, and its type-aware rules catch a floating promise. The probes are linted
 * with the ESLint command and configuration `npm run lint` uses, then removed.
 */
describe('lint: module boundaries by project tags, one way to the database, and type-aware rules', () => {
  const messages = new Map<Probe, string[]>();

  beforeAll(async () => {
    const files = Object.entries(PROBES).map(([name, [path, source]]) => ({ name: name as Probe, file: join(ROOT, path), source }));
    try {
      await Promise.all(files.map(({ file, source }) => writeFile(file, source)));
      const stdout = await promisify(execFile)(
        process.execPath,
        [join(ROOT, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...files.map((f) => f.file)],
        {
          cwd: ROOT,
          env: { ...process.env, NX_DAEMON: 'false' },
          maxBuffer: 10 * 1024 * 1024,
        },
      ).then(
        (done) => done.stdout,
        (failed: { stdout?: string }) => failed.stdout ?? '',
      );
      const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string | null; message: string }[] }[];
      for (const { name, file } of files) {
        const result = results.find((r) => r.filePath === file);
        messages.set(name, result ? result.messages.map((m) => `${m.ruleId ?? 'parser'}: ${m.message}`) : ['not linted']);
      }
    } finally {
      await Promise.all(files.map(({ file }) => rm(file, { force: true })));
    }
  }, 180_000);

  const boundary = (probe: Probe) => (messages.get(probe) ?? []).filter((m) => m.startsWith('@nx/enforce-module-boundaries'));

  it('fails when the web app imports the API', () => {
    expect(boundary('webImportsApi')).toEqual([expect.stringMatching(/Projects cannot be imported by a relative or absolute path/)]);
  });

  it('fails when contracts import another project', () => {
    expect(boundary('contractsImportSchedule')).toEqual([
      expect.stringContaining('A project tagged with "scope:contracts" cannot depend on any libs with tags'),
    ]);
  });

  it('fails when schedule imports a package other than date-fns', () => {
    expect(boundary('scheduleImportsNest')).toEqual([expect.stringContaining('@nestjs/common')]);
  });

  it('passes the allowed imports: schedule uses date-fns and contracts, the web app uses both libraries', () => {
    expect(messages.get('scheduleAllowed')).toEqual([]);
    expect(messages.get('webAllowed')).toEqual([]);
  });

  it('keeps the API to one way of reaching the database: no entity repositories, no query builder', () => {
    expect(messages.get('apiQueryBuilder')).toEqual([
      expect.stringMatching(/^no-restricted-imports: .*InjectRepository.*repository \(DataSource.query\)/),
      expect.stringMatching(/^no-restricted-syntax: .*not TypeORM's query builder/),
    ]);
  });

  it('catches a floating promise with the type-aware rules', () => {
    expect(messages.get('floatingPromise')).toEqual([expect.stringMatching(/^@typescript-eslint\/no-floating-promises/)]);
  });
});
