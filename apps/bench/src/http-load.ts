/**
 * The benchmark's load generator: `connections` keep-alive connections, each sending one GET at a
 * time for `seconds`, the next as soon as the answer's last byte is in. Bodies are counted and
 * dropped, never decoded: what is measured is the server and the wire, whatever the size of the
 * answer. (A client that turns every body into a string, as autocannon 8 does, spends milliseconds
 * per large answer on itself: 175 kB of Brotli from a node:http server that does nothing else came
 * to about 380 answers a second through it on this machine's 2 cores, against 6,500 for 175 kB of
 * one letter.)
 *
 * Answers must say their length (Content-Length; none for 204 and 304): the servers measured send
 * whole, known bodies. Anything else fails the run, as does an answer of 400 or more.
 */
import { connect } from 'node:net';

export interface LoadOptions {
  connections?: number;
  seconds?: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  /** Answers per second over the whole run. */
  rps: number;
  /** Milliseconds from the request's first byte sent to the answer's last byte received. */
  p50: number;
  p99: number;
  requests: number;
  /** Body bytes received. */
  bytes: number;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/** The value at quantile `q` (0..1) of ascending `sorted`, by the nearest rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

export async function httpLoad(url: string, options: LoadOptions = {}): Promise<LoadResult> {
  const { connections = 10, seconds = 4, headers = {} } = options;
  const target = new URL(url);
  if (target.protocol !== 'http:') throw new Error(`${url}: only http: is measured`);
  const port = Number(target.port || 80);
  const lines = [`GET ${target.pathname}${target.search} HTTP/1.1`, `Host: ${target.host}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`)];
  const request = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  const latencies: number[] = [];
  let bytes = 0;
  const started = performance.now();
  const until = started + seconds * 1000;

  const connection = () =>
    new Promise<void>((resolve, reject) => {
      const socket = connect(port, target.hostname);
      socket.setNoDelay(true);
      /** The answer's head as it comes in; null once it is read (the body is coming). */
      let head: Buffer | null = null;
      let remaining = 0;
      let sentAt = 0;
      const fail = (message: string) => {
        socket.destroy();
        reject(new Error(`${url}: ${message}`));
      };
      const send = () => {
        if (performance.now() >= until) {
          socket.end();
          resolve();
          return;
        }
        head = Buffer.alloc(0);
        sentAt = performance.now();
        socket.write(request);
      };
      socket.on('connect', send);
      socket.on('error', (error) => fail(error.message));
      socket.on('close', () => {
        if (head !== null || remaining > 0) fail('the connection closed mid-answer');
      });
      socket.on('data', (chunk: Buffer) => {
        let body = chunk;
        if (head !== null) {
          const received: Buffer = head.length > 0 ? Buffer.concat([head, chunk]) : chunk;
          const end = received.indexOf(HEAD_END);
          if (end < 0) {
            head = received;
            return;
          }
          const text = received.subarray(0, end).toString('latin1');
          body = received.subarray(end + HEAD_END.length);
          head = null;
          const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(text)?.[1]);
          if (!(status >= 200 && status < 400)) return fail(`answered ${Number.isNaN(status) ? 'something other than HTTP/1.1' : status}`);
          const length = /\r\ncontent-length:[ \t]*(\d+)/i.exec(text);
          if (length) {
            remaining = Number(length[1]);
          } else if (status === 204 || status === 304) {
            remaining = 0;
          } else {
            return fail(`answered ${status} without Content-Length`);
          }
        }
        remaining -= body.length;
        bytes += body.length;
        if (remaining < 0) return fail('sent more than its Content-Length');
        if (remaining === 0) {
          latencies.push(performance.now() - sentAt);
          send();
        }
      });
    });

  await Promise.all(Array.from({ length: connections }, connection));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), requests: latencies.length, bytes };
}
