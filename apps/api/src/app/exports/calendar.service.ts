import { Injectable, NotFoundException } from '@nestjs/common';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PlanCache } from '../gantt/plan-cache';
import { outputsJson, sqlClientOf } from '../gantt/plan-queries';
import { PartnershipsRepository } from '../partnership/partnerships.repository';
import { OrganisationsRepository } from '../organisations/organisations.repository';
import { ExportRenderer, type RenderedFile } from './render/export-renderer';
import { ExportTablesService } from './export-tables.service';

export interface FeedScope {
  partnership?: string;
  action?: number;
  organisationId?: string;
}

const digest = (text: string) => createHash('sha256').update(text).digest('base64url');

/**
 * iCalendar (RFC 5545) feeds of the plan (drawn by render/calendar-files.ts in the export pool):
 * milestones and outputs of a partnership, one Action or an organisation's Actions, with the
 * deadline; in a person's private feed the monitoring calls and follow-ups too. The data is read
 * here; each feed is kept by the plan's revision, its outputs' and calls' state, and its scope.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tables: ExportTablesService,
    private readonly organisations: OrganisationsRepository,
    private readonly partnerships: PartnershipsRepository,
    private readonly plans: PlanCache,
    private readonly renderer: ExportRenderer,
  ) {}

  async planFeed(scope: FeedScope): Promise<RenderedFile> {
    const partnership = scope.partnership ?? DEFAULT_PARTNERSHIP_KEY;
    const plan = await this.plans.gantt(partnership);
    const outputs = await outputsJson(sqlClientOf(this.dataSource), partnership, null);
    if (plan === null || outputs === null) {
      throw new NotFoundException(`partnership "${partnership}" not found`);
    }
    const organisation =
      scope.organisationId === undefined ? null : await this.organisations.get(await this.partnerships.byKey(partnership), scope.organisationId);
    const key = [
      'calendar',
      plan.partnershipId,
      plan.revision,
      digest(outputs),
      scope.action ?? null,
      organisation && { id: organisation.id, name: organisation.name, actions: organisation.actions.map((a) => a.actionNumber) },
    ];
    return this.renderer.file(key, async () => ({
      kind: 'calendar',
      feed: {
        gantt: (await plan.body('identity')).toString('utf8'),
        outputs,
        action: scope.action ?? null,
        organisation: organisation && { name: organisation.name, actions: organisation.actions.map((a) => a.actionNumber) },
        calls: null,
      },
    }));
  }

  /** The Work Plan with the monitoring calls and follow-ups (for one signed-in person's calendar). */
  async privateFeed(): Promise<RenderedFile> {
    const plan = await this.plans.gantt(DEFAULT_PARTNERSHIP_KEY);
    const outputs = await outputsJson(sqlClientOf(this.dataSource), DEFAULT_PARTNERSHIP_KEY, null);
    if (plan === null || outputs === null) {
      throw new NotFoundException(`partnership "${DEFAULT_PARTNERSHIP_KEY}" not found`);
    }
    const calls = await this.tables.callsState(plan.partnershipId);
    return this.renderer.file(['private-calendar', plan.partnershipId, plan.revision, digest(outputs), calls], async () => ({
      kind: 'calendar',
      feed: {
        gantt: (await plan.body('identity')).toString('utf8'),
        outputs,
        action: null,
        organisation: null,
        calls: await this.tables.calls(await this.partnerships.byKey(DEFAULT_PARTNERSHIP_KEY)),
      },
    }));
  }
}
