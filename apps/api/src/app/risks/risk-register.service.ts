import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RegisterRisk, RiskConflict } from '@tracker/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../auth/access.service';
import type { AuthUser } from '../auth/auth.types';
import { rowsOf } from '../common/pg-result';
import { WORK_PLAN } from '../seed/work-plan.data';
import type { UpdateRiskDto } from './dto/update-risk.dto';

interface RiskRow {
  id: string;
  action_number: number;
  title: string;
  description: string;
  causes: string[];
  likelihood: number | null;
  impact: number | null;
  owner_id: string | null;
  owner_name: string | null;
  mitigation: string;
  status: RegisterRisk['status'];
  next_review: string | null;
  version: number;
  source: string | null;
  updated_at: Date;
}

const SELECT = `
  SELECT r.id, a.number AS action_number, r.title, r.description, r.causes, r.likelihood, r.impact, o.id AS owner_id, o.name AS owner_name,
         r.mitigation, r.status, r.next_review, r.version, r.source, r.updated_at
    FROM risk r JOIN action a ON a.id = r.action_id JOIN partnership p ON p.id = a.partnership_id
    LEFT JOIN organisation o ON o.id = r.owner_organisation_id`;

/** Field of the PATCH body -> column. */
const COLUMNS = {
  title: 'title',
  description: 'description',
  likelihood: 'likelihood',
  impact: 'impact',
  ownerOrganisationId: 'owner_organisation_id',
  mitigation: 'mitigation',
  status: 'status',
  nextReview: 'next_review',
} as const;
type Field = keyof typeof COLUMNS;

/** The risk register: risks per Action, seeded from the Work Plan, changed with a version check. */
@Injectable()
export class RiskRegisterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
  ) {}

  async list(actionNumber?: number): Promise<RegisterRisk[]> {
    const rows = await this.dataSource.query<RiskRow[]>(
      `${SELECT} WHERE p.seed_key = $1 AND ($2::int IS NULL OR a.number = $2) ORDER BY a.number, r.sort_order, r.created_at`,
      [WORK_PLAN.partnership.key, actionNumber ?? null],
    );
    return rows.map(toRisk);
  }

  async get(id: string, manager: EntityManager = this.dataSource.manager): Promise<RegisterRisk> {
    const [row] = await manager.query<RiskRow[]>(`${SELECT} WHERE r.id = $1`, [id]);
    if (!row) {
      throw new NotFoundException(`risk ${id} not found`);
    }
    return toRisk(row);
  }

  /**
   * In one transaction: lock the row, check the user may change this Action's risks, then UPDATE
   * with the version in its WHERE. A stale version is a 409 with the current risk; no change keeps it.
   */
  async update(id: string, patch: UpdateRiskDto, user: AuthUser): Promise<RegisterRisk> {
    const fields = (Object.keys(COLUMNS) as Field[]).filter((field) => patch[field] !== undefined);
    if (fields.length === 0) {
      throw new BadRequestException(`give at least one of ${Object.keys(COLUMNS).join(', ')} besides version`);
    }
    const outcome = await this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query<{ action_id: string; version: number }[]>(`SELECT action_id, version FROM risk WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) {
        throw new NotFoundException(`risk ${id} not found`);
      }
      await this.access.assertAllowed(user, 'risk.update', row.action_id, manager);
      if (row.version !== patch.version) {
        return 'conflict' as const;
      }
      if (patch.ownerOrganisationId) {
        const [org] = await manager.query<unknown[]>(`SELECT 1 FROM organisation WHERE id = $1`, [patch.ownerOrganisationId]);
        if (!org) {
          throw new BadRequestException('ownerOrganisationId must be the id of an organisation, or null');
        }
      }
      const sets = fields.map((field, i) => `"${COLUMNS[field]}" = $${i + 3}`);
      const updated = rowsOf<{ version: number }>(
        await manager.query(
          `UPDATE risk SET ${[...sets, 'version = version + 1', 'updated_at = now()'].join(', ')} WHERE id = $1 AND version = $2 RETURNING version`,
          [id, patch.version, ...fields.map((field) => patch[field])],
        ),
      );
      return updated.length === 0 ? ('conflict' as const) : ('updated' as const);
    });
    const current = await this.get(id);
    if (outcome === 'conflict') {
      const body: RiskConflict = {
        statusCode: 409,
        error: 'Conflict',
        message: `someone else changed this risk: you sent version ${patch.version}, it is now at version ${current.version}; review the current values and try again`,
        current,
      };
      throw new ConflictException(body);
    }
    return current;
  }
}

function toRisk(row: RiskRow): RegisterRisk {
  return {
    id: row.id,
    actionNumber: row.action_number,
    title: row.title,
    description: row.description,
    causes: row.causes,
    likelihood: row.likelihood,
    impact: row.impact,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    mitigation: row.mitigation,
    status: row.status,
    nextReview: row.next_review,
    version: row.version,
    source: row.source,
    updatedAt: row.updated_at.toISOString(),
  };
}
