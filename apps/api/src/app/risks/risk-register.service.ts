import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RegisterRisk } from '@tracker/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import { RISK_SPEC } from '../audit/update-rules';
import { VersionedUpdateService } from '../audit/versioned-update.service';
import type { AuthUser } from '../auth/auth.types';
import type { Partnership } from '../partnership/partnerships.repository';
import { AccessService } from '../auth/access.service';
import { actionIdOf, lockActionOrder } from '../plan-editing/plan-items.repository';
import type { CreateRiskDto } from './dto/create-risk.dto';
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
    private readonly access: AccessService,
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
   * Adds a risk to an Action's register (the Secretariat, or the Action's co-leaders), open, after
   * its other risks; its history starts with every field it was given. All or nothing.
   */
  async create(body: CreateRiskDto, user: AuthUser): Promise<RegisterRisk> {
    const id = await this.dataSource.transaction(async (manager) => {
      const actionId = await actionIdOf(manager, body.partnership, body.actionNumber);
      await this.access.assertAllowed(user, 'risk.update', actionId, manager);
      await this.assertOrganisation(body.ownerOrganisationId, manager);
      const values = {
        title: body.title.trim(),
        description: body.description ?? '',
        likelihood: body.likelihood ?? null,
        impact: body.impact ?? null,
        ownerOrganisationId: body.ownerOrganisationId ?? null,
        mitigation: body.mitigation ?? '',
        nextReview: body.nextReview ?? null,
      };
      await lockActionOrder(manager, actionId);
      const [{ id: created }] = await manager.query<{ id: string }[]>(
        `INSERT INTO risk (action_id, title, description, causes, likelihood, impact, owner_organisation_id, mitigation, next_review, sort_order)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, (SELECT COALESCE(MAX(sort_order), 0) + 1 FROM risk WHERE action_id = $1)) RETURNING id`,
        [
          actionId,
          values.title,
          values.description,
          body.causes ?? [],
          values.likelihood,
          values.impact,
          values.ownerOrganisationId,
          values.mitigation,
          values.nextReview,
        ],
      );
      await this.updates.recordCreation(manager, user, RISK_SPEC, created, { ...values, status: 'open' }, body.note);
      return created;
    });
    return this.get(id);
  }

  private async assertOrganisation(id: string | null | undefined, manager: EntityManager = this.dataSource.manager): Promise<void> {
    if (id) {
      const [org] = await manager.query<unknown[]>(`SELECT 1 FROM organisation WHERE id = $1`, [id]);
      if (!org) {
        throw new BadRequestException('ownerOrganisationId must be the id of an organisation, or null');
      }
    }
  }

  /**
   * Applies a PATCH through the one versioned update (VersionedUpdateService): the Secretariat or the
   * Action's co-leaders; each changed field goes into the risk's history; 409 with the current risk
   * when `version` is stale.
   */
  async update(id: string, patch: UpdateRiskDto, user: AuthUser): Promise<RegisterRisk> {
    await this.assertOrganisation(patch.ownerOrganisationId);
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
