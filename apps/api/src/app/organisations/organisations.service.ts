import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Organisation, OrganisationParticipation, OrganisationRef, OrganisationType, ParticipantRole, Partnership, PlanNote } from '@tracker/contracts';
import { DataSource } from 'typeorm';

interface OrganisationRow {
  id: string;
  name: string;
  type: OrganisationType;
  country: string | null;
  aliases: string[];
  source: string;
  notes: PlanNote[];
  partnership_member: boolean;
  coordinator: boolean;
  actions: OrganisationParticipation[] | null;
}

@Injectable()
export class OrganisationsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every organisation with its aliases, its seat in the Partnership and the Actions it takes part in. */
  async list(): Promise<Organisation[]> {
    const rows: OrganisationRow[] = await this.dataSource.query(`
      SELECT o.id, o.name, o.type, o.country, o.aliases, o.source, o.notes,
             EXISTS (SELECT 1 FROM partnership_member pm WHERE pm.organisation_id = o.id) AS partnership_member,
             EXISTS (SELECT 1 FROM partnership_member pm WHERE pm.organisation_id = o.id AND pm.coordinator) AS coordinator,
             (SELECT json_agg(json_build_object('actionNumber', a.number, 'shortName', a.short_name, 'role', ap.role)
                              ORDER BY a.number, ap.role)
                FROM action_participant ap JOIN action a ON a.id = ap.action_id
               WHERE ap.organisation_id = o.id) AS actions
        FROM organisation o
       ORDER BY lower(o.name)`);
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      type: row.type,
      country: row.country ? row.country.trim() : null,
      aliases: row.aliases,
      partnershipMember: row.partnership_member,
      coordinator: row.coordinator,
      actions: (row.actions ?? []).map((a) => ({ actionNumber: a.actionNumber, shortName: a.shortName, role: a.role as ParticipantRole })),
      source: row.source,
      notes: row.notes,
    }));
  }

  /** A partnership with its coordinators, its current members (Table 1) and what the plan says about it; 404 when the key is unknown. */
  async partnership(key: string): Promise<Partnership> {
    const [row] = await this.dataSource.query<
      {
        id: string;
        name: string;
        deadline: string;
        source: string;
        notes: PlanNote[];
        coordinators: OrganisationRef[] | null;
        members: OrganisationRef[] | null;
      }[]
    >(
      `SELECT p.id, p.name, p.deadline, p.source, p.notes,
              (SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY lower(o.name))
                 FROM partnership_member pm JOIN organisation o ON o.id = pm.organisation_id WHERE pm.partnership_id = p.id AND pm.coordinator) AS coordinators,
              (SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY lower(o.name))
                 FROM partnership_member pm JOIN organisation o ON o.id = pm.organisation_id WHERE pm.partnership_id = p.id) AS members
         FROM partnership p WHERE p.seed_key = $1`,
      [key],
    );
    if (!row) {
      throw new NotFoundException(`no partnership has the key "${key}"`);
    }
    return {
      id: row.id,
      name: row.name,
      deadline: row.deadline,
      coordinators: row.coordinators ?? [],
      members: row.members ?? [],
      source: row.source,
      notes: row.notes,
    };
  }
}
