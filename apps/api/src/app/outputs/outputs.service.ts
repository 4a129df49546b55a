import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Output } from '@tracker/contracts';
import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import { DataSource } from 'typeorm';
import { VersionedUpdateService } from '../audit/versioned-update.service';
import { OUTPUT_SPEC } from '../audit/update-rules';
import type { AuthUser } from '../auth/auth.types';
import { outputJson, outputsJson, sqlClientOf } from '../gantt/plan-queries';
import { AccessService } from '../auth/access.service';
import { EvidenceService } from '../evidence/evidence.service';
import { actionIdOf, insertOutput, planEntryOf, readWindowField } from '../plan-editing/plan-items.repository';
import type { CreateOutputDto } from './dto/create-output.dto';
import type { UpdateOutputDto } from './dto/update-output.dto';
import { z } from 'zod';
import { fromSqlJson } from '../common/sql-json';

@Injectable()
export class OutputsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly updates: VersionedUpdateService,
    private readonly access: AccessService,
    private readonly evidence: EvidenceService,
  ) {}

  /** Outputs of a partnership's plan (the Work Plan by default), optionally of one Action; 404 for an unknown key. */
  async list(filter: { actionNumber?: number; partnership?: string } = {}): Promise<Output[]> {
    const partnership = filter.partnership ?? DEFAULT_PARTNERSHIP_KEY;
    const body = await outputsJson(sqlClientOf(this.dataSource), partnership, filter.actionNumber ?? null);
    if (body === null) {
      throw new NotFoundException(`partnership "${partnership}" not found`);
    }
    return fromSqlJson(z.array(Output), body);
  }

  /** One output, built by the same SQL as the list's elements. */
  async get(id: string): Promise<Output> {
    const body = await outputJson(sqlClientOf(this.dataSource), id);
    if (body === null) {
      throw new NotFoundException(`output ${id} not found`);
    }
    return fromSqlJson(Output, body);
  }

  /** Adds an output to an Action (the Secretariat, or its co-leaders), its due window read from the words given. All or nothing. */
  async create(body: CreateOutputDto, user: AuthUser): Promise<Output> {
    const window = readWindowField('dueText', body.dueText);
    const id = await this.dataSource.transaction(async (manager) => {
      const actionId = await actionIdOf(manager, body.partnership, body.actionNumber);
      await this.access.assertAllowed(user, 'output.update', actionId, manager);
      const title = body.title.trim();
      const created = await insertOutput(manager, { actionId, title, window, milestoneIds: body.milestoneIds ?? [] });
      await this.updates.recordCreation(
        manager,
        user,
        OUTPUT_SPEC,
        created,
        { title, dueText: window.text, start: window.start, end: window.end, precision: window.precision, tentative: window.tentative },
        body.note,
      );
      return created;
    });
    return this.get(id);
  }

  /**
   * Applies a PATCH (see VersionedUpdateService); 409 with the current output when `version` is stale.
   * A new `dueText` is read with the plan's parser: the dates and precision change with it.
   * Marking it delivered needs evidence: a file or link on it already, or `evidenceNote` saying why
   * there is none, kept as its evidence in the same transaction (400 naming evidenceNote otherwise).
   */
  async update(id: string, patch: UpdateOutputDto, user: AuthUser): Promise<Output> {
    const { evidenceNote, ...fields } = patch;
    if (evidenceNote !== undefined && fields.status !== 'delivered') {
      throw new BadRequestException('evidenceNote goes with status delivered: it says why a delivered output has no file or link');
    }
    const given = planEntryOf(fields, 'dueText');
    let delivering = false;
    return this.updates.update(
      OUTPUT_SPEC,
      id,
      given,
      user,
      (itemId) => this.get(itemId),
      async (manager, row, after) => {
        delivering = after['status'] === 'delivered' && row['status'] !== 'delivered';
        return delivering ? this.evidence.deliveryEvidenceProblem(manager, id, evidenceNote) : null;
      },
      async (manager, row) => {
        if (delivering && evidenceNote !== undefined && evidenceNote.trim() !== '') {
          await this.evidence.addDeliveryNote(manager, id, evidenceNote, user, Number(row['version']) + 1);
        }
      },
    );
  }
}
