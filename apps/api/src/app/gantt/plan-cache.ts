import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Encoding } from '../http/compression';
import { type PlanRevision, ganttSnapshot, planRevision, sqlClientOf } from './plan-queries';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** The chart's JSON of one revision of a plan: its text, its ETag, and its compressed forms (made on first demand). */
export interface CachedGantt extends PlanRevision {
  /** Weak (one tag for every encoding of the same JSON): the revision and a hash of the text. */
  etag: string;
  body(encoding: Encoding): Promise<Buffer>;
}

/** Partnerships whose chart is kept; the least recently asked goes first beyond this. */
const KEPT = 32;

/**
 * The chart's JSON (`GET /api/gantt`), kept in memory by (partnership, plan revision). Each request
 * costs one index lookup for the revision, which triggers move in the transaction of every write
 * to the plan (migrations/*-plan-revision.ts): a write through any instance on the same database
 * is seen by the next request to every instance. Postgres builds the JSON only when the revision
 * moved; requests that arrive while it is being built wait for that one build.
 */
@Injectable()
export class PlanCache {
  private readonly kept = new Map<string, CachedGantt>();
  private readonly building = new Map<string, Promise<CachedGantt | null>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The chart of the partnership as it is now, or null for an unknown partnership. */
  async gantt(partnershipKey: string): Promise<CachedGantt | null> {
    const db = sqlClientOf(this.dataSource);
    const now = await planRevision(db, partnershipKey);
    if (now === null) {
      return null;
    }
    const kept = this.kept.get(partnershipKey);
    if (kept && kept.partnershipId === now.partnershipId && kept.revision === now.revision) {
      this.kept.delete(partnershipKey);
      this.kept.set(partnershipKey, kept);
      return kept;
    }
    const buildKey = `${partnershipKey}\n${now.partnershipId}\n${now.revision}`;
    let build = this.building.get(buildKey);
    if (!build) {
      build = this.build(partnershipKey).finally(() => this.building.delete(buildKey));
      this.building.set(buildKey, build);
    }
    return build;
  }

  private async build(partnershipKey: string): Promise<CachedGantt | null> {
    const snapshot = await ganttSnapshot(sqlClientOf(this.dataSource), partnershipKey);
    if (snapshot === null) {
      return null;
    }
    const entry = cachedGantt(snapshot);
    // A build can finish after a later one (a write came in between): keep the newest revision.
    const kept = this.kept.get(partnershipKey);
    if (!kept || kept.partnershipId !== entry.partnershipId || BigInt(kept.revision) < BigInt(entry.revision)) {
      this.kept.delete(partnershipKey);
      this.kept.set(partnershipKey, entry);
      while (this.kept.size > KEPT) {
        this.kept.delete(this.kept.keys().next().value as string);
      }
    }
    return entry;
  }
}

function cachedGantt(snapshot: PlanRevision & { body: string }): CachedGantt {
  const identity = Buffer.from(snapshot.body, 'utf8');
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 16);
  const forms: Partial<Record<Encoding, Promise<Buffer>>> = { identity: Promise.resolve(identity) };
  return {
    partnershipId: snapshot.partnershipId,
    revision: snapshot.revision,
    etag: `W/"${snapshot.revision}-${hash}"`,
    body(encoding) {
      forms[encoding] ??= compress(identity, encoding);
      return forms[encoding];
    },
  };
}

/** Brotli at quality 5 and gzip at level 6: a few tens of milliseconds for a large plan, once per revision, off the event loop. */
function compress(identity: Buffer, encoding: Encoding): Promise<Buffer> {
  if (encoding === 'br') {
    return brotli(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length } });
  }
  if (encoding === 'gzip') {
    return gz(identity, { level: 6 });
  }
  return Promise.resolve(identity);
}
