import { HttpException, Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { Piscina } from 'piscina';
import { APP_CONFIG } from '../../auth/auth.types';
import type { AppConfig } from '../../config/config';
import { RetryLaterException } from '../../common/retry-later.exception';
import type { RenderResult, RenderTask } from './render-task';

/** A file drawn by the pool, and whether it came from the cache. */
export interface RenderedFile {
  body: Buffer;
  cache: 'hit' | 'miss';
}

/** Figures of the pool (for tests and the logs). */
export interface RendererStats {
  threads: number;
  /** Files admitted and not finished: being prepared, waiting for a thread or being drawn. */
  admitted: number;
  /** Files drawn by a worker since the start. */
  rendered: number;
  /** Answers served from the cache since the start. */
  hits: number;
  /** Requests refused with 503 since the start. */
  refused: number;
}

/**
 * Draws chart files and calendars in a pool of worker threads (piscina), so the request loop stays
 * free while they are drawn. At most `threads + queue` files are admitted at once (being prepared on
 * the main thread, waiting for a thread, or being drawn); a request beyond that is answered 503 with
 * `Retry-After`. Each file is kept, up to `cacheMb`, by a key naming the plan's revision and the
 * request's parameters; requests for a file already being drawn wait for that one drawing.
 */
@Injectable()
export class ExportRenderer implements OnModuleDestroy {
  private readonly logger = new Logger('Exports');
  private readonly pool: Piscina<RenderTask, RenderResult>;
  private readonly cache: LRUCache<string, Buffer> | null;
  private readonly building = new Map<string, Promise<Buffer>>();
  private readonly capacity: number;
  private admitted = 0;
  private rendered = 0;
  private hits = 0;
  private refused = 0;
  /** Moving average of the time a file takes, from admission to its bytes, for Retry-After. */
  private averageMs = 1000;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const { worker, threads, queue, cacheMb } = config.exports;
    this.capacity = threads + queue;
    // Threads start with the first export and stop after a minute without one. The admission count
    // (threads + queue) keeps piscina's own queue within `queue`; its limit is a backstop.
    this.pool = new Piscina({ filename: worker, minThreads: 0, maxThreads: threads, maxQueue: Math.max(queue, 1) * 2, idleTimeout: 60_000 });
    this.cache = cacheMb > 0 ? new LRUCache<string, Buffer>({ maxSize: cacheMb * 1024 * 1024, sizeCalculation: (body) => Math.max(body.length, 1) }) : null;
  }

  stats(): RendererStats {
    return { threads: this.config.exports.threads, admitted: this.admitted, rendered: this.rendered, hits: this.hits, refused: this.refused };
  }

  /**
   * The file of `key` (the parts that decide its bytes: kind, plan revision, parameters): from the
   * cache, from a drawing under way, or drawn now from the task `prepare` reads (on the main thread).
   */
  async file(key: readonly unknown[], prepare: () => Promise<RenderTask>): Promise<RenderedFile> {
    const id = createHash('sha256').update(JSON.stringify(key)).digest('base64url');
    const kept = this.cache?.get(id);
    if (kept) {
      this.hits++;
      return { body: kept, cache: 'hit' };
    }
    let build = this.building.get(id);
    if (!build) {
      if (this.admitted >= this.capacity) {
        this.refused++;
        const seconds = Math.min(60, Math.max(1, Math.ceil(((this.admitted / this.config.exports.threads) * this.averageMs) / 1000)));
        throw new RetryLaterException(
          503,
          seconds,
          `the server is drawing as many files as it can (${this.admitted} under way or waiting): try again in ${seconds} second${seconds === 1 ? '' : 's'}`,
        );
      }
      build = this.build(prepare).finally(() => this.building.delete(id));
      this.building.set(id, build);
    }
    const body = await build;
    this.cache?.set(id, body);
    return { body, cache: 'miss' };
  }

  private async build(prepare: () => Promise<RenderTask>): Promise<Buffer> {
    this.admitted++;
    const started = performance.now();
    try {
      const result = await this.pool.run(await prepare());
      this.rendered++;
      if ('refusal' in result) {
        const { status, message } = result.refusal;
        throw new HttpException({ statusCode: status, error: status === 404 ? 'Not Found' : 'Unprocessable Entity', message }, status);
      }
      return Buffer.from(result.body.buffer, result.body.byteOffset, result.body.byteLength);
    } finally {
      this.admitted--;
      this.averageMs = 0.8 * this.averageMs + 0.2 * (performance.now() - started);
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.destroy().catch((error: unknown) => this.logger.warn(`the export pool did not stop cleanly: ${String(error)}`));
  }
}
