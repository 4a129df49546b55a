import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuditValue } from '@tracker/contracts';
import { DataSource } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { rowsOf } from '../common/pg-result';
import { type ItemSpec, type ItemValues, planUpdate } from './update-rules';

export interface ItemPatch extends ItemValues {
  version: number;
  note?: string | null;
}

/** `updated` and `unchanged` answer 200; `conflict` a 409 with the current item. */
export type UpdateOutcome = 'updated' | 'unchanged' | 'conflict';

/**
 * The one way milestones and outputs change. In one transaction: lock the row, check the user may
 * change this Action's items, check the cross-field rules, UPDATE with the version check in its WHERE
 * (`version = version + 1 ... WHERE id = $1 AND version = $2`), and write one audit entry per changed
 * field. Any failure rolls all of it back: there is never a change without its history, nor the reverse.
 */
@Injectable()
export class ItemUpdateService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async update(spec: ItemSpec, id: string, patch: ItemPatch, user: AuthUser): Promise<UpdateOutcome> {
    const given: ItemValues = {};
    for (const { field } of spec.fields) {
      if (patch[field] !== undefined) {
        given[field] = patch[field];
      }
    }
    const note = typeof patch.note === 'string' && patch.note.trim() !== '' ? patch.note.trim() : null;
    if (Object.keys(given).length === 0 && note === null) {
      throw new BadRequestException(`give at least one of ${[...spec.fields.map((f) => f.field), 'note'].join(', ')} besides version`);
    }

    return this.dataSource.transaction(async (manager) => {
      const columns = spec.fields.map((f) => `"${f.column}"`).join(', ');
      const [row] = await manager.query<Record<string, AuditValue>[]>(
        `SELECT id, action_id, version, ${columns} FROM "${spec.table}" WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!row) {
        throw new NotFoundException(`${spec.itemType} ${id} not found`);
      }
      await this.access.assertAllowed(user, spec.permission, String(row['action_id']), manager);

      const before: ItemValues = Object.fromEntries(spec.fields.map(({ field, column }) => [field, row[column] ?? null]));
      const plan = planUpdate(spec, before, given);
      if (!plan.ok) {
        // Judged against values the client has not seen: the conflict is the news, not the rule.
        if (row['version'] !== patch.version) {
          return 'conflict';
        }
        throw new BadRequestException(plan.message);
      }
      if (plan.changes.length === 0 && note === null) {
        return row['version'] === patch.version ? 'unchanged' : 'conflict';
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
        return 'conflict';
      }
      const version = updated[0].version;
      const entries = plan.changes.length > 0 ? plan.changes : [{ field: null, from: null, to: null }];
      for (const entry of entries) {
        await manager.query(
          `INSERT INTO audit_entry (user_id, item_type, item_id, version, field, from_value, to_value, note)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8)`,
          [user.id, spec.itemType, id, version, entry.field, json(entry.from), json(entry.to), note],
        );
      }
      return 'updated';
    });
  }
}

function json(value: AuditValue): string | null {
  return value === null ? null : JSON.stringify(value);
}
