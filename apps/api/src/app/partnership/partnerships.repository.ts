import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DEFAULT_PARTNERSHIP_KEY, type PartnershipSummary } from '@tracker/contracts';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * A partnership as every service takes it: its key, its own deadline and its Actions. Services get
 * one from {@link PartnershipsRepository.byKey} (the `?partnership=` of a request) or
 * {@link PartnershipsRepository.ofAction} (the partnership a record belongs to), never a constant.
 */
export interface Partnership {
  id: string;
  key: string;
  name: string;
  deadline: string;
  actions: { id: string; number: number; shortName: string }[];
}

interface PartnershipRow {
  id: string;
  seed_key: string;
  name: string;
  deadline: string;
  actions: { id: string; number: number; shortName: string }[];
}

const SELECT = `
  SELECT p.id, p.seed_key, p.name, p.deadline,
         COALESCE((SELECT json_agg(json_build_object('id', a.id, 'number', a.number, 'shortName', a.short_name) ORDER BY a.number)
                     FROM action a WHERE a.partnership_id = p.id), '[]'::json) AS actions
    FROM partnership p`;

/** All SQL of the partnership table, and the one mapping of its rows. */
@Injectable()
export class PartnershipsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The partnership of a `?partnership=` key (the Work Plan by default); 404 naming the key when unknown. */
  async byKey(key: string = DEFAULT_PARTNERSHIP_KEY, manager: EntityManager = this.dataSource.manager): Promise<Partnership> {
    const [row] = await manager.query<PartnershipRow[]>(`${SELECT} WHERE p.seed_key = $1`, [key]);
    if (!row) {
      throw new NotFoundException(`partnership "${key}" not found`);
    }
    return toPartnership(row);
  }

  async byId(id: string, manager: EntityManager = this.dataSource.manager): Promise<Partnership> {
    const [row] = await manager.query<PartnershipRow[]>(`${SELECT} WHERE p.id = $1`, [id]);
    if (!row) {
      throw new NotFoundException(`partnership ${id} not found`);
    }
    return toPartnership(row);
  }

  /** Every partnership, the default one first, then by name. */
  async list(): Promise<PartnershipSummary[]> {
    const rows = await this.dataSource.query<PartnershipRow[]>(`${SELECT} ORDER BY p.seed_key = $1 DESC, p.name, p.seed_key`, [DEFAULT_PARTNERSHIP_KEY]);
    return rows.map((row) => {
      const partnership = toPartnership(row);
      return {
        key: partnership.key,
        name: partnership.name,
        deadline: partnership.deadline,
        actions: partnership.actions.map(({ number, shortName }) => ({ number, shortName })),
      };
    });
  }

  /**
   * Whether an organisation has a seat in a partnership, so that its accounts' roles hold there: it
   * is a member (or coordinator), or the partnership's Secretariat.
   */
  async isMember(partnershipId: string, organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await manager.query<unknown[]>(
      `SELECT 1 FROM partnership_member WHERE partnership_id = $1 AND organisation_id = $2
       UNION ALL SELECT 1 FROM partnership WHERE id = $1 AND secretariat_organisation_id = $2`,
      [partnershipId, organisationId],
    );
    return rows.length > 0;
  }
}

function toPartnership(row: PartnershipRow): Partnership {
  return { id: row.id, key: row.seed_key, name: row.name, deadline: row.deadline, actions: row.actions };
}
