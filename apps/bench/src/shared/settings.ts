/**
 * What every part of the benchmark shares: where the workspace is, how many rounds and loads make a
 * median, and which parts run (BENCH_ONLY).
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The workspace root: the nearest folder holding nx.json, from where the bench was started. */
function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no nx.json above ${from}: run the bench from the workspace (npm run bench)`);
  }
}

export const root = findRoot(process.cwd());

/** Requires a part the build wrote under dist/ (checked to be there before the run starts). */
export function requireBuilt<T>(file: string): T {
  return createRequire(join(root, 'package.json'))(join(root, file)) as T;
}

const numberFrom = (name: string, fallback: number): number => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name}: a positive number, not "${value}"`);
  return n;
};

export const settings = {
  /** Rounds of each API comparison (each round alternating the two sides). */
  ROUNDS: numberFrom('BENCH_ROUNDS', 3),
  /** Seconds of each HTTP load. */
  SECONDS: numberFrom('BENCH_SECONDS', 4),
  /** Keep-alive connections of each HTTP load. */
  CONNECTIONS: numberFrom('BENCH_CONNECTIONS', 10),
  /** Page loads of each browser figure. */
  LOADS: numberFrom('BENCH_LOADS', 3),
};

/** The parts BENCH_ONLY names (all of `parts` when unset or empty). */
export function selectedParts(parts: readonly string[], value = ''): Set<string> {
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  const unknown = names.filter((name) => !parts.includes(name));
  if (unknown.length) throw new Error(`BENCH_ONLY: no part named ${unknown.join(', ')} (parts: ${parts.join(', ')})`);
  return new Set(names.length ? names : parts);
}
