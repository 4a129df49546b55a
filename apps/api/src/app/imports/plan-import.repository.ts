import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { approveFirstVersionIfNone } from '../plan-versions/plan-versions.repository';
import { seedDependencies } from '../seed/seed-dependencies';
import { seedPartnershipPlan, type SeedReport } from '../seed/seed-work-plan';
import type { PlanAction, SeedPartnership } from '../seed/seed.types';
import type { SeedDependency } from '../seed/work-plan-dependencies.data';
import { organisationKey } from './plan-reading';

/** What an import writes: the partnership, its Actions as the plan writer takes them, and the organisations they name. */
export interface ImportPlan {
  partnership: Omit<SeedPartnership, 'secretariat' | 'members' | 'coordinators'>;
  actions: PlanAction[];
  /** Organisations by {@link organisationKey}: co-leaders' and members' keys in `actions` are these. */
  organisations: Map<string, { name: string; country: string | null }>;
  /** Links between the Actions' milestones and outputs, by their keys. */
  links: SeedDependency[];
}

/** The name of an imported plan's version 1. */
const IMPORTED_VERSION_NAME = 'Plan as imported';

/** Source of what an import creates. */
export const IMPORT_SOURCE = 'spreadsheet import';

/** All SQL of importing a plan: the partnership key check, finding organisations by name, and the one transaction that writes it all. */
@Injectable()
export class PlanImportRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async partnershipExists(key: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(`SELECT 1 FROM partnership WHERE seed_key = $1`, [key]);
    return rows.length > 0;
  }

  /** The organisations already in the tracker whose name or one of whose aliases matches (case and spacing aside), by key. */
  async findOrganisations(keys: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    if (keys.length === 0) {
      return found;
    }
    const rows = await manager.query<{ id: string; name: string; aliases: string[] }[]>(`SELECT id, name, aliases FROM organisation ORDER BY created_at, id`);
    const wanted = new Set(keys);
    for (const row of rows) {
      for (const name of [row.name, ...row.aliases]) {
        const key = organisationKey(name);
        if (wanted.has(key) && !found.has(key)) {
          found.set(key, row.id);
        }
      }
    }
    return found;
  }

  /**
   * Creates the partnership in one transaction: organisations not found by name are created, then
   * the partnership, its Actions, participants, milestones and outputs through the plan writer the
   * Work Plan seed uses. The Secretariat's organisation (the importer's) runs the new partnership.
   * 409 when the key is taken (checked under a lock on the key, so two imports of one key cannot both pass).
   */
  async create(plan: ImportPlan, secretariatOrganisationId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('plan-import'), hashtext($1))`, [plan.partnership.key]);
      if (await this.partnershipExists(plan.partnership.key, manager)) {
        throw new ConflictException(`a partnership with the key "${plan.partnership.key}" already exists`);
      }
      const orgIds = await this.findOrganisations([...plan.organisations.keys()], manager);
      for (const [key, organisation] of plan.organisations) {
        if (!orgIds.has(key)) {
          const [row] = await manager.query<{ id: string }[]>(
            `INSERT INTO organisation (name, type, country, aliases, source) VALUES ($1, 'other', $2, '{}', $3) RETURNING id`,
            [organisation.name, organisation.country, IMPORT_SOURCE],
          );
          orgIds.set(key, row.id);
        }
      }
      orgIds.set(secretariatOrganisationId, secretariatOrganisationId);
      const members = [...new Set(plan.actions.flatMap((action) => [...action.coLeaders, ...action.members]))];
      const report: SeedReport = { organisations: 0, actions: 0, milestones: 0, outputs: 0, targets: 0, risks: 0, dependencies: 0, corrected: 0 };
      const partnershipId = await seedPartnershipPlan(
        manager,
        { ...plan.partnership, coordinators: [], members, secretariat: secretariatOrganisationId },
        plan.actions,
        orgIds,
        report,
      );
      const links = await seedDependencies(manager, partnershipId, plan.links);
      // The plan as imported, with its links, is version 1, the first baseline.
      await approveFirstVersionIfNone(manager, partnershipId, IMPORTED_VERSION_NAME);
      const milestones = plan.actions.reduce((n, a) => n + a.milestones.reduce((m, x) => m + 1 + x.children.length, 0), 0);
      const outputs = plan.actions.reduce((n, a) => n + a.outputs.length, 0);
      if (
        report.corrected > 0 ||
        report.actions !== plan.actions.length ||
        report.milestones !== milestones ||
        report.outputs !== outputs ||
        links.added !== plan.links.length
      ) {
        // Every record is new: anything found in place means keys collided with another plan's.
        throw new ConflictException(`records of the partnership "${plan.partnership.key}" are already in the tracker`);
      }
    });
  }
}
