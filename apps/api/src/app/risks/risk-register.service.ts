import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RegisterRisk } from '@tracker/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { RISK_SPEC } from '../audit/update-rules';
import { VersionedUpdateService } from '../audit/versioned-update.service';
import type { AuthUser } from '../auth/auth.types';
import type { Partnership } from '../partnership/partnerships.repository';
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

/** The risk register: risks per Action, seeded from the Work Plan, changed with a version check. */
@Injectable()
export class RiskRegisterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly updates: VersionedUpdateService,
  ) {}

  /** The register of one partnership, in plan order, optionally of one Action. */
  async list(partnership: Partnership, actionNumber?: number): Promise<RegisterRisk[]> {
    const rows = await this.dataSource.query<RiskRow[]>(
      `${SELECT} WHERE p.id = $1 AND ($2::int IS NULL OR a.number = $2) ORDER BY a.number, r.sort_order, r.created_at`,
      [partnership.id, actionNumber ?? null],
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
   * Applies a PATCH through the one versioned update (VersionedUpdateService): the Secretariat or the
   * Action's co-leaders; each changed field goes into the risk's history; 409 with the current risk
   * when `version` is stale.
   */
  async update(id: string, patch: UpdateRiskDto, user: AuthUser): Promise<RegisterRisk> {
    if (patch.ownerOrganisationId) {
      const [org] = await this.dataSource.query<unknown[]>(`SELECT 1 FROM organisation WHERE id = $1`, [patch.ownerOrganisationId]);
      if (!org) {
        throw new BadRequestException('ownerOrganisationId must be the id of an organisation, or null');
      }
    }
    return this.updates.update(RISK_SPEC, id, patch, user, (riskId) => this.get(riskId));
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
