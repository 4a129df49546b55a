import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Organisation, OrganisationParticipation, OrganisationRef, OrganisationType, ParticipantRole, Partnership, PlanNote } from '@tracker/contracts';
import { DataSource } from 'typeorm';
import type { Partnership as PartnershipScope } from '../partnership/partnerships.repository';

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

interface PartnershipViewRow {
  id: string;
  name: string;
  deadline: string;
  source: string;
  notes: PlanNote[];
  coordinators: OrganisationRef[] | null;
  members: OrganisationRef[] | null;
}

/**
 * All SQL of organisations and of the partnership as its page shows it, and the one mapping of their
 * rows to the contract types. An organisation belongs to a partnership when it has a seat there
 * (member or coordinator), is its Secretariat, or takes part in one of its Actions; its flags and
 * Actions are those of that partnership, since one body can sit in several.
 */
@Injectable()
export class OrganisationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether an organisation has this id (of any partnership). */
  async exists(id: string): Promise<boolean> {
    const [row] = await this.dataSource.query<unknown[]>(`SELECT 1 FROM organisation WHERE id = $1`, [id]);
    return row !== undefined;
  }

  /** The organisations of one partnership, by name. */
  async list(partnership: PartnershipScope): Promise<Organisation[]> {
    const rows = await this.dataSource.query<OrganisationRow[]>(
      `WITH scope AS (
         SELECT pm.organisation_id AS id FROM partnership_member pm WHERE pm.partnership_id = $1
         UNION SELECT p.secretariat_organisation_id FROM partnership p WHERE p.id = $1 AND p.secretariat_organisation_id IS NOT NULL
         UNION SELECT ap.organisation_id FROM action_participant ap JOIN action a ON a.id = ap.action_id WHERE a.partnership_id = $1)
       SELECT o.id, o.name, o.type, o.country, o.aliases, o.source, o.notes,
              EXISTS (SELECT 1 FROM partnership_member pm WHERE pm.organisation_id = o.id AND pm.partnership_id = $1) AS partnership_member,
              EXISTS (SELECT 1 FROM partnership_member pm WHERE pm.organisation_id = o.id AND pm.partnership_id = $1 AND pm.coordinator) AS coordinator,
              (SELECT json_agg(json_build_object('actionNumber', a.number, 'shortName', a.short_name, 'role', ap.role) ORDER BY a.number, ap.role)
                 FROM action_participant ap JOIN action a ON a.id = ap.action_id
                WHERE ap.organisation_id = o.id AND a.partnership_id = $1) AS actions
         FROM organisation o JOIN scope s ON s.id = o.id
        ORDER BY lower(o.name)`,
      [partnership.id],
    );
    return rows.map(toOrganisation);
  }

  /** One organisation of a partnership; 404 when it has no part in it. */
  async get(partnership: PartnershipScope, id: string): Promise<Organisation> {
    const organisation = (await this.list(partnership)).find((o) => o.id === id);
    if (!organisation) {
      throw new NotFoundException(`organisation ${id} not found in partnership "${partnership.key}"`);
    }
    return organisation;
  }

  /** A partnership with its coordinators, its current members (Table 1) and what the plan says about it. */
  async partnershipView(partnership: PartnershipScope): Promise<Partnership> {
    const [row] = await this.dataSource.query<PartnershipViewRow[]>(
      `SELECT p.id, p.name, p.deadline, p.source, p.notes,
              (SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY lower(o.name))
                 FROM partnership_member pm JOIN organisation o ON o.id = pm.organisation_id WHERE pm.partnership_id = p.id AND pm.coordinator) AS coordinators,
              (SELECT json_agg(json_build_object('id', o.id, 'name', o.name) ORDER BY lower(o.name))
                 FROM partnership_member pm JOIN organisation o ON o.id = pm.organisation_id WHERE pm.partnership_id = p.id) AS members
         FROM partnership p WHERE p.id = $1`,
      [partnership.id],
    );
    if (!row) {
      throw new NotFoundException(`partnership "${partnership.key}" not found`);
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

function toOrganisation(row: OrganisationRow): Organisation {
  return {
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
  };
}
