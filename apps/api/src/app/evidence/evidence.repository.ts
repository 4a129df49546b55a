import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Evidence, EvidenceItemType, EvidenceKind } from '@tracker/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { rowsOf } from '../common/pg-result';

const ISO_INSTANT = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

/** One piece of evidence as the `Evidence` contract, for rows `e` (evidence): every answer comes from it. */
const EVIDENCE_JSON = `json_build_object(
  'id', e.id, 'itemType', CASE WHEN e.output_id IS NULL THEN 'milestone' ELSE 'output' END,
  'itemId', COALESCE(e.output_id, e.milestone_id), 'kind', e.kind, 'title', e.title, 'url', e.url,
  'fileName', e.file_name, 'mediaType', e.media_type, 'sizeBytes', e.size_bytes, 'sha256', e.sha256,
  'downloadUrl', CASE WHEN e.kind = 'file' AND e.removed_at IS NULL THEN '/api/evidence/' || e.id || '/download' END,
  'createdAt', to_char(e.created_at AT TIME ZONE 'UTC', ${ISO_INSTANT}),
  'createdBy', (SELECT u.name FROM user_account u WHERE u.id = e.created_by),
  'removedAt', to_char(e.removed_at AT TIME ZONE 'UTC', ${ISO_INSTANT}),
  'removedBy', (SELECT u.name FROM user_account u WHERE u.id = e.removed_by))`;

/** The output or milestone evidence is on: what the rights and the history need. */
export interface EvidenceItem {
  type: EvidenceItemType;
  id: string;
  title: string;
  status: string;
  actionId: string;
  partnershipId: string;
  version: number;
}

/** A file to download: its name, type, size and how many chunks hold it. */
export interface StoredFile {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

/** What a new piece of evidence is, before its bytes (if a file) arrive. */
export interface NewEvidence {
  item: EvidenceItem;
  kind: EvidenceKind;
  title: string;
  url: string | null;
  fileName: string | null;
  createdBy: string;
}

/** Every SQL statement of the `evidence` and `evidence_chunk` tables. */
@Injectable()
export class EvidenceRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The output or milestone with this id, or null. */
  async item(type: EvidenceItemType, id: string, manager: EntityManager = this.dataSource.manager): Promise<EvidenceItem | null> {
    const [row] = await manager.query<EvidenceItem[]>(
      `SELECT $2::text AS type, i.id, i.title, i.status, i.action_id AS "actionId", a.partnership_id AS "partnershipId", i.version
         FROM "${type}" i JOIN action a ON a.id = i.action_id WHERE i.id = $1`,
      [id, type],
    );
    return row ?? null;
  }

  /** Every piece of evidence of one item, removed ones too, oldest first. */
  async ofItem(type: EvidenceItemType, id: string, manager: EntityManager = this.dataSource.manager): Promise<Evidence[]> {
    const rows = await manager.query<{ body: Evidence }[]>(
      `SELECT ${EVIDENCE_JSON} AS body FROM evidence e WHERE e.${type}_id = $1 ORDER BY e.created_at, e.id`,
      [id],
    );
    return rows.map((row) => row.body);
  }

  /** The evidence of a partnership's items that is not removed, oldest first. */
  async ofPartnership(partnershipId: string): Promise<Evidence[]> {
    const rows = await this.dataSource.query<{ body: Evidence }[]>(
      `SELECT ${EVIDENCE_JSON} AS body FROM evidence e WHERE e.partnership_id = $1 AND e.removed_at IS NULL ORDER BY e.created_at, e.id`,
      [partnershipId],
    );
    return rows.map((row) => row.body);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<Evidence | null> {
    const [row] = await manager.query<{ body: Evidence }[]>(`SELECT ${EVIDENCE_JSON} AS body FROM evidence e WHERE e.id = $1`, [id]);
    return row?.body ?? null;
  }

  /** How many pieces of evidence an item has that are not removed. */
  async liveCount(type: EvidenceItemType, id: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM evidence WHERE ${type}_id = $1 AND removed_at IS NULL`, [id]);
    return row.count;
  }

  /** Bytes of the files a partnership keeps (removed ones aside). */
  async usedBytes(partnershipId: string, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row] = await manager.query<{ used: string }[]>(
      `SELECT COALESCE(sum(size_bytes), 0)::text AS used FROM evidence WHERE partnership_id = $1 AND kind = 'file' AND removed_at IS NULL`,
      [partnershipId],
    );
    return Number(row.used);
  }

  /** Holds, until the transaction ends, the right to add files to a partnership: the quota check sees every other upload. */
  async lockQuota(partnershipId: string, manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('evidence_quota'), hashtext($1))`, [partnershipId]);
  }

  /**
   * Inserts a piece of evidence. A file's row is written before its bytes, with its type, size and
   * digest to come (see `completeFile`), in the same transaction.
   */
  async insert(entry: NewEvidence, manager: EntityManager): Promise<string> {
    const file = entry.kind === 'file';
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO evidence (partnership_id, output_id, milestone_id, kind, url, title, file_name, media_type, size_bytes, sha256, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
      [
        entry.item.partnershipId,
        entry.item.type === 'output' ? entry.item.id : null,
        entry.item.type === 'milestone' ? entry.item.id : null,
        entry.kind,
        entry.url,
        entry.title,
        entry.fileName,
        file ? 'application/octet-stream' : null,
        file ? 0 : null,
        file ? '0'.repeat(64) : null,
        entry.createdBy,
      ],
    );
    return row.id;
  }

  async insertChunk(evidenceId: string, seq: number, data: Buffer, manager: EntityManager): Promise<void> {
    await manager.query(`INSERT INTO evidence_chunk (evidence_id, seq, data) VALUES ($1, $2, $3)`, [evidenceId, seq, data]);
  }

  async completeFile(id: string, values: { title: string; mediaType: string; sizeBytes: number; sha256: string }, manager: EntityManager): Promise<void> {
    await manager.query(`UPDATE evidence SET title = $2, media_type = $3, size_bytes = $4, sha256 = $5 WHERE id = $1`, [
      id,
      values.title,
      values.mediaType,
      values.sizeBytes,
      values.sha256,
    ]);
  }

  /** Marks a piece of evidence removed (keeping its row) and drops a file's bytes; false when it was removed already. */
  async remove(id: string, userId: string, manager: EntityManager): Promise<boolean> {
    const updated = rowsOf<{ id: string }>(
      await manager.query(`UPDATE evidence SET removed_at = now(), removed_by = $2 WHERE id = $1 AND removed_at IS NULL RETURNING id`, [id, userId]),
    );
    if (updated.length === 0) {
      return false;
    }
    await manager.query(`DELETE FROM evidence_chunk WHERE evidence_id = $1`, [id]);
    return true;
  }

  /** A file that is not removed, or null. */
  async file(id: string): Promise<StoredFile | null> {
    const [row] = await this.dataSource.query<StoredFile[]>(
      `SELECT id, file_name AS "fileName", media_type AS "mediaType", size_bytes::float8 AS "sizeBytes"
         FROM evidence WHERE id = $1 AND kind = 'file' AND removed_at IS NULL`,
      [id],
    );
    return row ?? null;
  }

  /** One chunk of a file's bytes, or null when there is none (the file was removed meanwhile). */
  async chunk(id: string, seq: number): Promise<Buffer | null> {
    const [row] = await this.dataSource.query<{ data: Buffer }[]>(`SELECT data FROM evidence_chunk WHERE evidence_id = $1 AND seq = $2`, [id, seq]);
    return row?.data ?? null;
  }
}
