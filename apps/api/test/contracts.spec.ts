import { API, type ApiError, Milestone } from '@tracker/contracts';
import Ajv2020 from 'ajv/dist/2020';
import { Client } from './client';
import { useServer, useTracker } from './harness';

interface OpenApiResponse {
  description: string;
  content?: Record<string, { schema?: unknown }>;
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>>;
  components: { schemas: Record<string, unknown> };
}

/** Every operation of the document, with its success answer (the first 2xx or 3xx it declares). */
function operationsOf(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => {
      const [status, answer] = Object.entries(operation.responses).find(([code]) => /^[23]\d\d$/.test(code)) ?? [null, null];
      return { method: method.toUpperCase(), path, status: status === null ? null : Number(status), answer };
    }),
  );
}

/** The seeded record whose id fills `{id}` in a path: the first of the list the path starts with. */
async function fillPath(client: Client, path: string): Promise<string | null> {
  let filled = path.replace('{number}', '1').replace('{file}', 'risks.csv');
  if (filled.includes('{id}')) {
    const list = await client.get<{ id: string }[]>(filled.slice(0, filled.indexOf('/{id}')).replace('/exports', ''));
    const id = Array.isArray(list.body) ? list.body[0]?.id : undefined;
    if (!id) {
      return null;
    }
    filled = filled.replace('{id}', id);
  }
  return /\{\w+\}/.test(filled) ? null : filled;
}

const QUERIES: Record<string, string> = {
  '/api/plan-versions/compare': '?from=1&to=current',
  '/api/reports/progress.docx': '?from=2026-10-01&to=2026-12-31',
  '/api/reports/progress.pdf': '?from=2026-10-01&to=2026-12-31',
};

/** The server's day for the reports: after the Work Plan's deadline, so the final report is offered too. */
const AFTER_THE_DEADLINE = { now: () => new Date('2027-04-01T10:00:00Z') };

/**
 * The answers' contracts: the OpenAPI document describes every answer, live answers validate against
 * it with a validator of its own (ajv, not the zod schemas it was written from), and under test the
 * API refuses to send an answer that breaks its contract.
 */
describe('contracts of the answers', () => {
  const tracker = useTracker({ clock: AFTER_THE_DEADLINE });
  const secretariat = tracker.as('secretariat');
  let document: OpenApiDocument;

  beforeAll(async () => {
    document = (await (await fetch(`${tracker.url}/api/docs/openapi.json`)).json()) as OpenApiDocument;
  });

  it('describes the success answer of every operation: a schema, the media types of a file, or no body', () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThanOrEqual(85);
    const undescribed = operations
      .filter(({ status, answer }) => {
        if (status === 204 || status === 302) {
          return false;
        }
        const content = Object.entries(answer?.content ?? {});
        return content.length === 0 || content.some(([type, media]) => type === 'application/json' && !media.schema);
      })
      .map(({ method, path }) => `${method} ${path}`);
    expect(undescribed).toEqual([]);
    // Files name their own media type.
    const typeOf = (path: string) => Object.keys(document.paths[path]['get'].responses['200'].content ?? {});
    expect(typeOf('/api/exports/chart.pdf')).toEqual(['application/pdf']);
    expect(typeOf('/api/exports/chart.png')).toEqual(['image/png']);
    expect(typeOf('/api/exports/chart.svg')).toEqual(['image/svg+xml']);
    expect(typeOf('/api/exports/plan.csv')).toEqual(['text/csv']);
    expect(typeOf('/api/exports/plan.xlsx')).toEqual(['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(typeOf('/api/calendar/plan.ics')).toEqual(['text/calendar']);
    expect(document.components.schemas['Milestone']).toMatchObject({ type: 'object', additionalProperties: false });
  });

  it("holds every operation of the web app's client (the operations table of libs/contracts) with a JSON answer or none", () => {
    const missing = Object.entries(API)
      .map(([name, { method, path }]) => ({ name, method, path: path.replace(/:(\w+)/g, '{$1}') }))
      .filter(({ method, path }) => {
        const operation = document.paths[path]?.[method.toLowerCase()];
        const [, answer] = Object.entries(operation?.responses ?? {}).find(([code]) => /^2\d\d$/.test(code)) ?? [];
        return !answer || Object.keys(answer.content ?? { 'application/json': {} }).join() !== 'application/json';
      })
      .map(({ name, method, path }) => `${name}: ${method} ${path}`);
    expect(missing).toEqual([]);
    expect(Object.keys(API).length).toBeGreaterThanOrEqual(60);
  });

  it.each([
    ['anonymous', false],
    ['the Secretariat', true],
  ])('answers every GET it lets %s read as the OpenAPI document says (checked by ajv)', async (_who, signedIn) => {
    const client = signedIn ? secretariat : new Client(tracker.url);
    const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ ...document, $id: 'https://tracker.test/openapi.json' });
    const checked: string[] = [];
    const failures: string[] = [];
    for (const { method, path, status, answer } of operationsOf(document)) {
      // Skipped: sign-in redirects, and the pages and feeds reached by a mailed secret.
      if (method !== 'GET' || status !== 200 || path.startsWith('/api/auth/oidc') || path.includes('{token}') || path === '/api/notifications/unsubscribe') {
        continue;
      }
      const url = await fillPath(client, path);
      if (url === null) {
        continue;
      }
      const response = await client.request<unknown>('GET', `${url}${QUERIES[path] ?? ''}`);
      if (response.status === 401 || response.status === 403) {
        continue;
      }
      const type = (response.headers.get('content-type') ?? '').split(';')[0];
      const declared = Object.keys(answer?.content ?? {});
      if (response.status !== 200 || !declared.includes(type)) {
        failures.push(`GET ${url}: ${response.status} ${type}, declares 200 ${declared.join(', ')}: ${JSON.stringify(response.body).slice(0, 200)}`);
        continue;
      }
      if (type === 'application/json') {
        const pointer = `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/get/responses/200/content/application~1json/schema`;
        const validate = ajv.compile({ $ref: `https://tracker.test/openapi.json#${pointer}` });
        if (!validate(response.body)) {
          failures.push(`GET ${url}: ${ajv.errorsText(validate.errors?.slice(0, 5))}`);
        }
      }
      checked.push(path);
    }
    expect(failures).toEqual([]);
    // Anonymous: the plan, the chart, its files and the public feeds; the Secretariat reads nearly everything.
    expect(checked.length).toBeGreaterThanOrEqual(signedIn ? 40 : 20);
    expect(checked).toEqual(expect.arrayContaining(['/api/gantt', '/api/milestones', '/api/milestones/{id}', '/api/actions/{number}']));
  });

  describe('with a second server whose check is off, as in production by default', () => {
    // Started before the test: a start brings the seeded notes up to date.
    const unchecked = useServer(tracker.db, { checkResponses: false });

    it('answers 500 naming the field when an answer breaks its contract, and is silent when the check is off', async () => {
      const client = secretariat;
      const [first] = (await client.get<Milestone[]>('/api/milestones?action=1')).body;
      expect((await client.get<Milestone>(`/api/milestones/${first.id}`)).status).toBe(200);
      // A note stored with a field the contract does not know, and a kind it does not list.
      const drifted = [{ kind: 'hunch', text: 'x', source: '2.4.9', colour: 'red' }];
      await tracker.query(`UPDATE milestone SET notes = $2 WHERE id = $1`, [first.id, JSON.stringify(drifted)]);

      const broken = await client.get<ApiError>(`/api/milestones/${first.id}`);
      expect(broken.status).toBe(500);
      expect(broken.body.error).toBe('Answer does not match its contract');
      expect(broken.body.message).toContain('GET /api/milestones/:id');
      expect(broken.body.message).toContain('notes.0.kind');
      expect(broken.body.message).toContain('Unrecognized key: "colour"');
      // The same drift in the cached chart, which its handler sends itself, compressed.
      const chart = await client.request<ApiError>('GET', '/api/gantt', undefined, { headers: { 'accept-encoding': 'br' } });
      expect(chart.status).toBe(500);
      expect(chart.body.message).toMatch(/^GET \/api\/gantt: items\.\d+\.notes\.0\.kind/);

      const answer = await fetch(`${unchecked.url}/api/milestones/${first.id}`);
      expect(answer.status).toBe(200);
      expect(Milestone.safeParse(await answer.json()).success).toBe(false);
    });
  });
});
