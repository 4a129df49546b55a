/**
 * The floor the benchmark compares the API with: node:http and a pg pool running exactly the SQL
 * of the API's read endpoints (apps/api/src/app/gantt/plan-queries.ts) and sending the same JSON.
 * No framework, no validation, no security headers, no ETag.
 *
 *   DATABASE_URL=postgres://... PORT=4000 node dist/bench/bare-server.js
 */
import { createServer } from 'node:http';
import { Pool, types } from 'pg';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
// The floor must run the API's own SQL, so it imports it from the API's sources (bench depends on api).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { ganttJson, milestonesJson } from '../../api/src/app/gantt/plan-queries';

types.setTypeParser(1082, (value: string) => value);
const DEFAULT = DEFAULT_PARTNERSHIP_KEY;
const pool = new Pool({ connectionString: process.env['DATABASE_URL'], max: 10 });

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const partnership = url.searchParams.get('partnership') ?? DEFAULT;
  const send = (body: string | null) => {
    // With its length, as the API sends it (writeHead before end would otherwise send it chunked).
    const bytes = Buffer.from(body ?? '{"statusCode":404}', 'utf8');
    res.writeHead(body === null ? 404 : 200, { 'content-type': 'application/json; charset=utf-8', 'content-length': bytes.length }).end(bytes);
  };
  const fail = () => res.writeHead(500).end();
  if (url.pathname === '/api/gantt') {
    ganttJson(pool, partnership).then(send, fail);
  } else if (url.pathname === '/api/milestones') {
    const action = url.searchParams.get('action');
    milestonesJson(pool, partnership, action ? Number(action) : null).then(send, fail);
  } else {
    res.writeHead(404).end();
  }
});

server.listen(Number(process.env['PORT'] ?? 4000), '127.0.0.1', () => {
  console.log(`bare server ready on ${process.env['PORT'] ?? 4000}`);
});
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
