import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpLoad, quantile } from './http-load';

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('httpLoad', () => {
  const servers: Server[] = [];
  afterEach(async () => {
    await Promise.all(
      servers.splice(0).map(
        (server) =>
          new Promise((resolve) => {
            server.closeAllConnections();
            server.close(resolve);
          }),
      ),
    );
  });

  it('counts every answer and every body byte, over keep-alive connections, with the headers it was given', async () => {
    const body = Buffer.alloc(300_000, 7);
    let answered = 0;
    const sockets = new Set<unknown>();
    const seen = new Set<string>();
    const { server, url } = await serve((req, res) => {
      sockets.add(req.socket);
      seen.add(String(req.headers['accept-encoding']));
      answered += 1;
      // Written in pieces, so the body reaches the client in many chunks.
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length });
      res.write(body.subarray(0, 1000));
      setImmediate(() => res.end(body.subarray(1000)));
    });
    servers.push(server);
    const result = await httpLoad(`${url}/x?y=1`, { connections: 3, seconds: 0.5, headers: { 'accept-encoding': 'br' } });
    expect(result.requests).toBe(answered);
    expect(result.requests).toBeGreaterThan(3);
    expect(result.bytes).toBe(answered * body.length);
    expect(sockets.size).toBe(3);
    expect([...seen]).toEqual(['br']);
    expect(result.rps).toBeGreaterThan(0);
    expect(result.p50).toBeGreaterThan(0);
    expect(result.p99).toBeGreaterThanOrEqual(result.p50);
  });

  it('takes a 304 without a body', async () => {
    const { server, url } = await serve((_req, res) => res.writeHead(304, { etag: '"a"' }).end());
    servers.push(server);
    const result = await httpLoad(url, { connections: 1, seconds: 0.2 });
    expect(result.requests).toBeGreaterThan(0);
    expect(result.bytes).toBe(0);
  });

  it('fails the run on an error status', async () => {
    const { server, url } = await serve((_req, res) => res.writeHead(404, { 'content-length': 2 }).end('no'));
    servers.push(server);
    await expect(httpLoad(`${url}/missing`, { connections: 2, seconds: 0.2 })).rejects.toThrow(`${url}/missing: answered 404`);
  });

  it('fails the run on an answer that does not say its length', async () => {
    const { server, url } = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('chunked');
      res.end();
    });
    servers.push(server);
    await expect(httpLoad(url, { connections: 1, seconds: 0.2 })).rejects.toThrow('answered 200 without Content-Length');
  });
});

describe('quantile', () => {
  it('is the nearest-rank value', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantile(values, 0.5)).toBe(50);
    expect(quantile(values, 0.99)).toBe(99);
    expect(quantile(values, 1)).toBe(100);
    expect(quantile([5], 0.99)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
  });
});
