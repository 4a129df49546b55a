import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditField, AuditItemType, AuditValue, ConflictError } from '@tracker/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { rowsOf } from '../common/pg-result';
import { type ItemSpec, type ItemValues, planUpdate } from './update-rules';

export interface VersionedPatch {
  version: number;
  note?: string | null;
}

/**
 * THE way a versioned record changes: milestones, outputs, risks, monitoring calls and follow-ups.
 * In one transaction: lock the row (404 when there is none), check the user may change this Action's
 * records (or, for calls and follow-ups, has a seat in their partnership), check the rules across fields, UPDATE with the
 * version check in its WHERE (`version = version + 1 ... WHERE id = $1 AND version = $2`), and write
 * one audit entry per changed field. Any failure rolls all of it back: there is never a change without
 * its history, nor the reverse.
 *
 * - A stale `version` is a 409 {@link ConflictError} with the record as it is now, also when the
 *   update would break a rule judged against values the client has not seen (the conflict is the news).
 * - An update that changes nothing keeps the version (200, or 409 when the version was stale).
 * - A note alone is recorded as one history entry with no field.
 */
@Injectable()
export class VersionedUpdateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  /**
   * Applies `given` (the fields the PATCH sets, already normalised by the caller) and answers the
   * record as `read` reads it after the change.
   */
  async update<T extends { version: number }>(
    spec: ItemSpec,
    id: string,
    patch: VersionedPatch & ItemValues,
    user: AuthUser,
    read: (id: string, manager?: EntityManager) => Promise<T>,
    /**
     * Rules that need the database (a step's activity is of the same Action), judged inside the
     * transaction on the values after the change: a message makes the update a 400.
     */
    validate?: (manager: EntityManager, row: Record<string, AuditValue>, after: ItemValues) => Promise<string | null>,
    /** What else the change moves, in the same transaction (the plan order of an Action's other items). */
    afterUpdate?: (manager: EntityManager, row: Record<string, AuditValue>) => Promise<void>,
  ): Promise<T> {
    const given: ItemValues = {};
    for (const { field } of spec.fields) {
      if (patch[field] !== undefined) {
        given[field] = patch[field];
      }
    }
    const note = typeof patch.note === 'string' && patch.note.trim() !== '' ? patch.note.trim() : null;
    if (Object.keys(given).length === 0 && note === null) {
      throw new BadRequestException(
        `give at least one of ${[...spec.fields.filter((f) => !f.derived).map((f) => f.field), 'note'].join(', ')} besides version`,
      );
    }

    const outcome = await this.dataSource.transaction(async (manager) => {
      const columns = spec.fields.map((f) => `${f.read ?? `"${f.column}"`} AS "${f.column}"`).join(', ');
      const actionColumn = spec.permission ? ', action_id' : spec.partnershipOf ? `, ${spec.partnershipOf} AS partnership_id` : '';
      const [row] = await manager.query<Record<string, AuditValue>[]>(
        `SELECT id, version${actionColumn}, ${columns} FROM "${spec.table}" WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) {
        throw new NotFoundException(`${spec.noun} ${id} not found`);
      }
      if (spec.permission) {
        await this.access.assertAllowed(user, spec.permission, String(row['action_id']), manager);
      } else if (spec.partnershipOf) {
        await this.access.assertSeat(user, String(row['partnership_id']), manager);
      }

      const before: ItemValues = Object.fromEntries(spec.fields.map(({ field, column }) => [field, row[column] ?? null]));
      const plan = planUpdate(spec, before, given);
      if (!plan.ok) {
        if (row['version'] !== patch.version) {
          return 'conflict' as const;
        }
        throw new BadRequestException(plan.message);
      }
      const refused = validate && plan.changes.length > 0 ? await validate(manager, row, plan.after) : null;
      if (refused !== null) {
        if (row['version'] !== patch.version) {
          return 'conflict' as const;
        }
        throw new BadRequestException(refused);
      }
      if (plan.changes.length === 0 && note === null) {
        return row['version'] === patch.version ? ('unchanged' as const) : ('conflict' as const);
      }

      const sets = plan.changes.map((change, i) => `"${spec.fields.find((f) => f.field === change.field)?.column}" = $${i + 3}`);
      const updated = rowsOf<{ version: number }>(
        await manager.query(
          `UPDATE "${spec.table}" SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')}
            WHERE id = $1 AND version = $2 RETURNING version`,
          [id, patch.version, ...plan.changes.map((change) => change.to)],
        ),
      );
      if (updated.length === 0) {
        return 'conflict' as const;
      }
      const version = updated[0].version;
      if (afterUpdate) {
        await afterUpdate(manager, row);
      }
      const entries = plan.changes.length > 0 ? plan.changes : [{ field: null, from: null, to: null }];
      await this.record(manager, user, spec, id, version, entries, note);
      return 'updated' as const;
    });

    const current = await read(id);
    if (outcome === 'conflict') {
      const body: ConflictError<T> = {
        statusCode: 409,
        error: 'Conflict',
        message: `someone else changed this ${spec.shortNoun}: you sent version ${patch.version}, it is now at version ${current.version}; review the current values and try again`,
        current,
      };
      throw new ConflictException(body);
    }
    return current;
  }

  /**
   * The history of a record added to the plan (version 1), written in the transaction that inserts
   * it: one entry per field it was given, from nothing, with the note.
   */
  async recordCreation(manager: EntityManager, user: AuthUser, spec: ItemSpec, id: string, values: ItemValues, note: string | null | undefined): Promise<void> {
    const entries = spec.fields
      .filter(({ field }) => values[field] !== undefined && values[field] !== null)
      .map(({ field }) => ({ field, from: null, to: values[field] ?? null }));
    const text = typeof note === 'string' && note.trim() !== '' ? note.trim() : null;
    await this.record(manager, user, spec, id, 1, entries, text);
  }

  /**
   * The history of a change that is not a field of the record's row (a link to another item added or
   * removed), written in the caller's transaction at the record's current version.
   */
  async recordChange(
    manager: EntityManager,
    user: AuthUser,
    itemType: AuditItemType,
    id: string,
    version: number,
    entry: { field: AuditField; from: AuditValue; to: AuditValue },
  ): Promise<void> {
    await this.record(manager, user, { itemType }, id, version, [entry], null);
  }

  private async record(
    manager: EntityManager,
    user: AuthUser,
    spec: Pick<ItemSpec, 'itemType'>,
    id: string,
    version: number,
    entries: readonly { field: AuditField | null; from: AuditValue; to: AuditValue }[],
    note: string | null,
  ): Promise<void> {
    for (const entry of entries) {
      await manager.query(
        `INSERT INTO audit_entry (user_id, item_type, item_id, version, field, from_value, to_value, note)
         VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
        [user.id, spec.itemType, id, version, entry.field, json(entry.from), json(entry.to), note],
      );
    }
  }
}

function json(value: AuditValue): string | null {
  return value === null ? null : JSON.stringify(value);
}
