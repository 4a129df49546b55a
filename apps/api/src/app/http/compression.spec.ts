import { type IncomingMessage, type Server, ServerResponse, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { NextFunction, Request, Response } from 'express';
import { compressResponses, negotiateEncoding } from './compression';

const ask = (header: string | undefined, available: ('br' | 'gzip' | 'identity')[] = ['br', 'gzip']) =>
  negotiateEncoding({ headers: header === undefined ? {} : { 'accept-encoding': header } }, available);

describe('negotiateEncoding', () => {
  it('prefers Brotli, then gzip, among what the client accepts', () => {
    expect(ask('gzip, deflate, br, zstd')).toBe('br');
    expect(ask('gzip, deflate')).toBe('gzip');
    expect(ask('br')).toBe('br');
    expect(ask('gzip, deflate, br', ['gzip'])).toBe('gzip');
  });

  it('follows q-values, and q=0 refuses', () => {
    expect(ask('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(ask('br;q=0, gzip')).toBe('gzip');
    expect(ask('br;q=0, gzip;q=0')).toBe('identity');
    expect(ask('*')).toBe('br');
    expect(ask('*;q=0.1, br;q=0')).toBe('gzip');
    expect(ask('GZIP ; q=1')).toBe('gzip');
  });

  it('sends the plain bytes without a header, or when nothing fits', () => {
    expect(ask(undefined)).toBe('identity');
    expect(ask('')).toBe('identity');
    expect(ask('identity')).toBe('identity');
    expect(ask('deflate')).toBe('identity');
    expect(ask('gzip, br', [])).toBe('identity');
  });
});

describe('compressResponses', () => {
  const json = JSON.stringify({ items: Array.from({ length: 200 }, (_, i) => ({ id: i, title: `Milestone ${i}` })) });
  let server: Server;
  let base: string;
  /** Whether the handler of the last request wrote through the plain node:http response (no compression wrapped it). */
  let untouched: boolean | undefined;

  beforeAll(async () => {
    const middleware = compressResponses();
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      res.setHeader('Vary', 'Origin');
      middleware(
        req as Request,
        res as Response,
        (() => {
          untouched = res.write === ServerResponse.prototype.write && res.end === ServerResponse.prototype.end;
          res.setHeader('Content-Type', 'application/json; charset=utf-8');
          res.end(json);
        }) as NextFunction,
      );
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  const get = (headers: Record<string, string>) =>
    new Promise<{ headers: Record<string, string | string[] | undefined>; bytes: Buffer }>((ok, fail) => {
      untouched = undefined;
      request(base, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => ok({ headers: res.headers, bytes: Buffer.concat(chunks) }));
      })
        .on('error', fail)
        .end();
    });

  it('steps aside for a request that accepts neither Brotli nor gzip: the plain answer, with Vary: Accept-Encoding', async () => {
    for (const acceptEncoding of [undefined, 'identity', 'deflate', 'br;q=0, gzip;q=0']) {
      const answer = await get(acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding });
      expect([acceptEncoding, untouched, answer.headers['content-encoding'], answer.headers['vary']]).toEqual([
        acceptEncoding,
        true,
        undefined,
        'Origin, Accept-Encoding',
      ]);
      expect(answer.bytes.toString('utf8')).toBe(json);
    }
  });

  it('compresses in Brotli or gzip when the request accepts one', async () => {
    const br = await get({ 'accept-encoding': 'gzip, deflate, br' });
    expect([untouched, br.headers['content-encoding'], br.headers['vary']]).toEqual([false, 'br', 'Origin, Accept-Encoding']);
    expect(brotliDecompressSync(br.bytes).toString('utf8')).toBe(json);
    const gzip = await get({ 'accept-encoding': 'gzip' });
    expect([untouched, gzip.headers['content-encoding']]).toEqual([false, 'gzip']);
    expect(gunzipSync(gzip.bytes).toString('utf8')).toBe(json);
  });
});
