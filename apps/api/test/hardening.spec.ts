import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiError, Milestone } from '@tracker/contracts';
import { FIRST_PAINT_SCRIPT } from '../src/app/http/first-paint-page';
import { Client } from './client';
import { startTestServer } from './server';
import { useTempDir, useTracker } from './harness';

/** What the built Angular app's index.html looks like (critical CSS inlined, the rest loaded on load). */
const INDEX_HTML = `<!doctype html><html lang="en"><head><base href="/"><style>body{margin:0}</style><link rel="stylesheet" href="styles-X.css" media="print" onload="this.media='all'"><noscript><link rel="stylesheet" href="styles-X.css"></noscript></head><body><wp-root></wp-root><script src="main-X.js" type="module"></script></body></html>`;

function directives(csp: string | null): Record<string, string> {
  return Object.fromEntries(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

describe('hardening', () => {
  const web = useTempDir('tracker-web-');
  beforeAll(async () => {
    await writeFile(join(web.path, 'index.html'), INDEX_HTML);
    await writeFile(join(web.path, 'main-X.js'), 'console.log(1)');
  });
  const tracker = useTracker({ config: () => ({ webDist: web.path }) });

  it('sends a Content-Security-Policy that allows only this origin to run scripts', async () => {
    const response = await fetch(`${tracker.url}/api/actions`);
    const csp = directives(response.headers.get('content-security-policy'));
    // This origin's scripts, and the home page's one inline script (after the chart the server drew), by its hash.
    const firstPaint = createHash('sha256').update(FIRST_PAINT_SCRIPT).digest('base64');
    expect(csp).toMatchObject({
      'default-src': "'self'",
      'script-src': `'self' 'sha256-${firstPaint}'`,
      'object-src': "'none'",
      'style-src': "'self' 'unsafe-inline'",
      'img-src': "'self' data:",
      'frame-ancestors': "'self'",
      'base-uri': "'self'",
      'form-action': "'self'",
    });
    // The one inline handler Angular's stylesheet loader uses, by its hash.
    expect(csp['script-src-attr']).toBe("'unsafe-hashes' 'sha256-MhtPZXr7+LpJUY5qtMutB+qWfQtMaPccfe7QXtCcEYc='");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-powered-by')).toBeNull();
    // Not in production, over plain http: no HSTS.
    expect(response.headers.get('strict-transport-security')).toBeNull();
  });

  it('serves the web app under that policy, with its stylesheet as a plain link', async () => {
    const response = await fetch(`${tracker.url}/gantt`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await response.text();
    expect(html).toContain('<link rel="stylesheet" href="styles-X.css"><noscript>');
    expect(html).not.toContain('onload=');
    expect(response.headers.getSetCookie().some((c) => c.startsWith('XSRF-TOKEN='))).toBe(true);
  });

  it('serves Swagger UI with no inline script, so the policy lets it run', async () => {
    const response = await fetch(`${tracker.url}/api/docs`);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/src=/);
      expect(body.trim()).toBe('');
    }
    expect(html).not.toMatch(/ on[a-z]+="/);
    const init = await fetch(`${tracker.url}/api/docs/swagger-ui-init.js`);
    expect(init.status).toBe(200);
    // "Try it out" echoes the XSRF cookie, so writes work from the docs page too.
    expect(await init.text()).toMatch(/requestInterceptor[\s\S]*XSRF-TOKEN=[\s\S]*X-XSRF-TOKEN/);
  });

  it('keeps CORS closed by default', async () => {
    const preflight = await fetch(`${tracker.url}/api/milestones`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'PATCH' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const read = await fetch(`${tracker.url}/api/actions`, { headers: { origin: 'https://evil.example' } });
    expect(read.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('opens CORS to the origins CORS_ORIGINS lists, and to no other', async () => {
    const open = await startTestServer(tracker.db.url, { corsOrigins: ['https://partner.example'] });
    try {
      const allowed = await fetch(`${open.url}/api/actions`, { headers: { origin: 'https://partner.example' } });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://partner.example');
      expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
      const other = await fetch(`${open.url}/api/actions`, { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await open.close();
    }
  });

  it('refuses a body over 100 kB, and malformed JSON, with short JSON answers', async () => {
    const client = await tracker.signIn('secretariat@example.org');
    const target = (await client.get<Milestone[]>('/api/milestones?action=1')).body[0];
    const huge = await client.patch<ApiError>(`/api/milestones/${target.id}`, { version: 1, note: 'x'.repeat(110 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'the request body is larger than 100 kB' });
    const broken = await client.request<ApiError>('PATCH', `/api/milestones/${target.id}`, '{"version": 1, "progress": ');
    expect(broken.status).toBe(400);
    expect(broken.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.stringMatching(/JSON/) });
    expect(JSON.stringify(broken.body)).not.toMatch(/node_modules|\n\s+at /);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const answer = await new Client(tracker.url).get<ApiError>('/api/nothing-here');
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ statusCode: 404 });
  });
});
