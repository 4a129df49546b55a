import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { type Encoding, negotiateEncoding } from '../http/compression';
import { type PlanRevision, type PlanSnapshot, type SqlClient, ganttSnapshot, milestonesSnapshot, planRevision, sqlClientOf } from './plan-queries';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** The JSON of one view of one revision of a plan: its text, its ETag, and its compressed forms (made on first demand). */
export interface CachedView extends PlanRevision {
  /** Weak (one tag for every encoding of the same JSON): the revision and a hash of the text. */
  etag: string;
  body(encoding: Encoding): Promise<Buffer>;
}

/**
 * One view of a partnership's plan: the kind of answer and how Postgres builds it, with the revision
 * it shows read in the same snapshot. `variant` tells apart the views of one kind (the Action's number).
 */
export interface PlanView {
  kind: 'gantt' | 'milestones' | 'action-milestones';
  variant: string;
  snapshot(db: SqlClient, partnershipKey: string): Promise<PlanSnapshot | null>;
}

/** The chart (`GET /api/gantt`). */
export const GANTT_VIEW: PlanView = { kind: 'gantt', variant: '', snapshot: ganttSnapshot };

/** The milestones list (`GET /api/milestones`), of every Action or of one (`?action=N`). */
export function milestonesView(actionNumber: number | null): PlanView {
  return actionNumber === null
    ? { kind: 'milestones', variant: '', snapshot: (db, key) => milestonesSnapshot(db, key, null) }
    : { kind: 'action-milestones', variant: String(actionNumber), snapshot: (db, key) => milestonesSnapshot(db, key, actionNumber) };
}

/** Entries kept of each kind of view (charts, lists, lists of one Action); the least recently asked goes first beyond this. */
const KEPT_PER_KIND = 32;

/**
 * Views of a partnership's plan (the chart, the milestones list, the list of one Action), kept in
 * memory as JSON by (partnership, view, plan revision). Each request costs one index lookup for the
 * revision, which triggers move in the transaction of every write to the plan
 * (migrations/*-plan-revision.ts): a write through any instance on the same database is seen by the
 * next request to every instance. Postgres builds a view's JSON only when the revision moved since
 * it was last built; requests that arrive while it is being built wait for that one build.
 */
@Injectable()
export class PlanCache {
  private readonly kept = new Map<PlanView['kind'], Map<string, CachedView>>();
  private readonly building = new Map<string, Promise<CachedView | null>>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The chart of the partnership as it is now, or null for an unknown partnership. */
  gantt(partnershipKey: string): Promise<CachedView | null> {
    return this.view(partnershipKey, GANTT_VIEW);
  }

  /** The milestones of the partnership's plan as they are now (of one Action, or all), or null for an unknown partnership. */
  milestones(partnershipKey: string, actionNumber: number | null): Promise<CachedView | null> {
    return this.view(partnershipKey, milestonesView(actionNumber));
  }

  /** A view of the partnership's plan as it is now, or null for an unknown partnership. */
  async view(partnershipKey: string, view: PlanView): Promise<CachedView | null> {
    const now = await planRevision(sqlClientOf(this.dataSource), partnershipKey);
    if (now === null) {
      return null;
    }
    const kept = this.keptOf(view.kind);
    const key = `${partnershipKey}\n${view.variant}`;
    const entry = kept.get(key);
    if (entry && entry.partnershipId === now.partnershipId && entry.revision === now.revision) {
      kept.delete(key);
      kept.set(key, entry);
      return entry;
    }
    const buildKey = `${view.kind}\n${key}\n${now.partnershipId}\n${now.revision}`;
    let build = this.building.get(buildKey);
    if (!build) {
      build = this.build(partnershipKey, view).finally(() => this.building.delete(buildKey));
      this.building.set(buildKey, build);
    }
    return build;
  }

  private keptOf(kind: PlanView['kind']): Map<string, CachedView> {
    let kept = this.kept.get(kind);
    if (!kept) {
      kept = new Map();
      this.kept.set(kind, kept);
    }
    return kept;
  }

  private async build(partnershipKey: string, view: PlanView): Promise<CachedView | null> {
    const snapshot = await view.snapshot(sqlClientOf(this.dataSource), partnershipKey);
    if (snapshot === null) {
      return null;
    }
    const entry = cachedView(snapshot);
    // A build can finish after a later one (a write came in between): keep the newest revision.
    const kept = this.keptOf(view.kind);
    const key = `${partnershipKey}\n${view.variant}`;
    const current = kept.get(key);
    if (!current || current.partnershipId !== entry.partnershipId || BigInt(current.revision) < BigInt(entry.revision)) {
      kept.delete(key);
      kept.set(key, entry);
      while (kept.size > KEPT_PER_KIND) {
        kept.delete(kept.keys().next().value as string);
      }
    }
    return entry;
  }
}

/**
 * Answers a GET with a cached view: its ETag, 304 when the request already has it, otherwise the
 * body in Brotli or gzip as the client accepts (or plain), with Content-Length and `Vary: Accept-Encoding`.
 */
export async function sendCachedView(request: Request, response: Response, view: CachedView): Promise<void> {
  const encoding = negotiateEncoding(request, ['br', 'gzip']);
  response.vary('Accept-Encoding');
  response.type('application/json');
  response.setHeader('ETag', view.etag);
  if (request.fresh) {
    response.status(304).end();
    return;
  }
  const body = await view.body(encoding);
  if (encoding !== 'identity') {
    response.setHeader('Content-Encoding', encoding);
  }
  response.setHeader('Content-Length', body.length);
  response.end(body);
}

function cachedView(snapshot: PlanSnapshot): CachedView {
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
