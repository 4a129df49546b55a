import { BadRequestException, ConflictException, HttpException, Injectable } from '@nestjs/common';
import type { PlanImportPreview, PlanImportProblem, PlanImportResult } from '@tracker/contracts';
import type { SeedMilestone, SeedOutput } from '../seed/seed.types';
import { IMPORT_SOURCE, type ImportPlan, PlanImportRepository } from './plan-import.repository';
import { organisationKey, type PlanReading, type ReadAction, type ReadMilestone, readPlanSheet, summaryOf } from './plan-reading';
import { formatOf, readCsv, readXlsx, SHEET_MEDIA_TYPES, type SheetFormat } from './plan-sheet';
import { WorkbookRefused } from './plan-workbook';

/** The new partnership an import creates: `?key=&name=&deadline=`. */
export interface NewPartnership {
  key: string;
  name: string;
  deadline: string;
}

/** The Action's short name (60 characters at most): its title, cut at a word where longer. */
function shortNameOf(title: string): string {
  if (title.length <= 60) {
    return title;
  }
  const cut = title.slice(0, 59);
  const space = cut.lastIndexOf(' ');
  return `${(space > 30 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** A workbook over the limits of an XLSX upload, or lying about its sizes: 413 or 400, saying why. */
function refuseWorkbook(error: unknown): never {
  if (error instanceof WorkbookRefused) {
    const name = error.status === 413 ? 'Payload Too Large' : 'Bad Request';
    throw new HttpException({ statusCode: error.status, error: name, message: error.message }, error.status);
  }
  throw error;
}

/** Reads an uploaded plan, answers how it was read, and creates the partnership when nothing is wrong. */
@Injectable()
export class PlanImportsService {
  constructor(private readonly repository: PlanImportRepository) {}

  async preview(bytes: Buffer, contentType: string | undefined, partnership: NewPartnership): Promise<PlanImportPreview> {
    return (await this.read(bytes, contentType, partnership)).preview;
  }

  async import(bytes: Buffer, contentType: string | undefined, partnership: NewPartnership, secretariatOrganisationId: string): Promise<PlanImportResult> {
    if (await this.repository.partnershipExists(partnership.key)) {
      throw new ConflictException(`a partnership with the key "${partnership.key}" already exists`);
    }
    const { preview, reading } = await this.read(bytes, contentType, partnership);
    if (!preview.ok) {
      const count = preview.problems.length;
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: `the plan was not imported: ${count} problem${count === 1 ? '' : 's'}; ${preview.problems[0].message}`,
        problems: preview.problems,
      });
    }
    await this.repository.create(this.planOf(reading, partnership), secretariatOrganisationId);
    return { partnership: { ...partnership }, summary: preview.summary, chartPath: `/?partnership=${encodeURIComponent(partnership.key)}` };
  }

  private async read(
    bytes: Buffer,
    contentType: string | undefined,
    partnership: NewPartnership,
  ): Promise<{ preview: PlanImportPreview; reading: PlanReading }> {
    const format: SheetFormat | null = formatOf(contentType, bytes);
    if (format === null) {
      throw new BadRequestException(`Content-Type must be ${SHEET_MEDIA_TYPES.csv} or ${SHEET_MEDIA_TYPES.xlsx}, with the file as the request body`);
    }
    if (bytes.length === 0) {
      throw new BadRequestException('the request body is empty: send the CSV or XLSX file as the body');
    }
    const sheet = format === 'csv' ? readCsv(bytes) : await readXlsx(bytes).catch(refuseWorkbook);
    const reading = readPlanSheet(sheet);
    const found = await this.repository.findOrganisations(reading.organisations.map((o) => organisationKey(o.name)));
    for (const row of reading.rows) {
      if (row.organisation !== null && (row.type === 'co-leader' || row.type === 'member')) {
        row.organisationExists = found.has(organisationKey(row.organisation));
      }
    }
    const problems: PlanImportProblem[] = [...reading.problems];
    if (await this.repository.partnershipExists(partnership.key)) {
      problems.unshift({ row: null, column: null, message: `the partnership key "${partnership.key}" is already taken: choose another` });
    }
    const newOrganisations = reading.organisations.filter((o) => !found.has(organisationKey(o.name))).map((o) => o.name);
    const preview: PlanImportPreview = {
      partnership: { ...partnership },
      format,
      ok: problems.length === 0 && reading.actions.length > 0,
      rows: reading.rows,
      problems,
      summary: summaryOf(reading, newOrganisations),
    };
    return { preview, reading };
  }

  /** The sheet's Actions as the plan writer of the seed takes them; every record cites its row. */
  private planOf(reading: PlanReading, partnership: NewPartnership): ImportPlan {
    const keyOf = (row: number): string => `${partnership.key}/row-${row}`;
    const milestone = (m: ReadMilestone): SeedMilestone => ({
      key: keyOf(m.row),
      title: m.title,
      window: { text: m.window.words, start: m.window.start, end: m.window.end, precision: m.window.precision },
      tentative: m.tentative,
      source: `row ${m.row}`,
      alternatives: [],
      children: m.steps.map(milestone),
    });
    const output = (o: ReadAction['outputs'][number]): SeedOutput => ({
      key: keyOf(o.row),
      title: o.title,
      due: o.window ? { text: o.window.words, start: o.window.start, end: o.window.end, precision: o.window.precision } : null,
      tentative: o.tentative,
      source: `row ${o.row}`,
      milestoneKeys: o.parentRow === null ? [] : [keyOf(o.parentRow)],
      // No window of its own: due over its activity's window, as the seed derives it.
      deriveDueFromMilestones: o.window === null && o.parentRow !== null,
    });
    return {
      partnership: { key: partnership.key, name: partnership.name, deadline: partnership.deadline, source: IMPORT_SOURCE, notes: [] },
      organisations: new Map(reading.organisations.map((o) => [organisationKey(o.name), o])),
      links: reading.links.map((link) => ({
        predecessor: keyOf(link.predecessorRow),
        successor: keyOf(link.successorRow),
        lagMonths: link.lagMonths,
        source: `row ${link.successorRow}`,
        words: `The imported sheet's "Depends on" column names row ${link.predecessorRow} on row ${link.successorRow}: it starts once that item has ended.`,
      })),
      actions: reading.actions.map((action) => ({
        number: action.number,
        shortName: shortNameOf(action.title),
        title: action.title,
        objective: '',
        pillar: null,
        governanceLevels: [],
        deadline: partnership.deadline,
        source: `row ${action.row}`,
        coLeaders: action.coLeaders,
        members: action.members,
        externalStakeholders: [],
        stakeholderNotes: [],
        milestones: action.activities.map(milestone),
        outputs: action.outputs.map(output),
        targets: [],
        risks: [],
      })),
    };
  }
}
