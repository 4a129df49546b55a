/** Plans imported from a sheet (see plan.ts for how answers are declared). */
import { z } from 'zod';
import { DatePrecision } from './plan';

/** What a row of an imported plan is: its `Type` column. */
export const PLAN_IMPORT_ROW_TYPES = ['activity', 'step', 'output', 'co-leader', 'member'] as const;
export type PlanImportRowType = (typeof PLAN_IMPORT_ROW_TYPES)[number];

/** The columns of the import template, in order. */
export const PLAN_IMPORT_COLUMNS = [
  'Action',
  'Action title',
  'Type',
  'Parent',
  'Title',
  'Window',
  'Tentative',
  'Organisation',
  'Country',
  'Depends on',
] as const;

export type PlanImportColumn = (typeof PLAN_IMPORT_COLUMNS)[number];

/** How the words of a `Window` cell were read (as `readWindowText` of libs/schedule reads them). */
export const PlanImportWindow = /* @__PURE__ */ z
  .strictObject({
    words: z.string(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    precision: DatePrecision,
    /** The words say the timing is not confirmed ("tbc", "?", "tentative"). */
    tentative: z.boolean(),
  })
  .meta({ id: 'PlanImportWindow' });
export type PlanImportWindow = z.infer<typeof PlanImportWindow>;

/** One row of the sheet as the import read it. */
export const PlanImportRow = /* @__PURE__ */ z
  .strictObject({
    /** Row number in the sheet (the header is row 1). */
    row: z.number().int(),
    action: z.number().int().nullable(),
    actionTitle: z.string().nullable(),
    type: z.enum(PLAN_IMPORT_ROW_TYPES).nullable(),
    parent: z.string().nullable(),
    title: z.string().nullable(),
    /** Null when the row has no window (an organisation, an output without a due window) or it cannot be read. */
    window: PlanImportWindow.nullable(),
    /** The `Tentative` column, or the window's words, mark the item as tentative. */
    tentative: z.boolean(),
    organisation: z.string().nullable(),
    country: z.string().nullable(),
    /** For co-leaders and members: whether an organisation of that name is already in the tracker (else it is created). */
    organisationExists: z.boolean().nullable(),
    /** The `Depends on` column: the items that must end before this one starts, one reference each (see the template's "How to fill" sheet). */
    dependsOn: z.array(z.string()),
    /** The problems of this row, in words. */
    problems: z.array(z.string()),
  })
  .meta({ id: 'PlanImportRow' });
export type PlanImportRow = z.infer<typeof PlanImportRow>;

/** A problem of the file: the row and column it is in (null for the file or the partnership), and the sentence saying it. */
export const PlanImportProblem = /* @__PURE__ */ z
  .strictObject({
    row: z.number().int().nullable(),
    column: z.string().nullable(),
    /** e.g. `row 7, column "Window": cannot read "Q5 2026" (...)`. */
    message: z.string(),
  })
  .meta({ id: 'PlanImportProblem' });
export type PlanImportProblem = z.infer<typeof PlanImportProblem>;

export const PlanImportSummary = /* @__PURE__ */ z
  .strictObject({
    actions: z.number().int(),
    activities: z.number().int(),
    steps: z.number().int(),
    outputs: z.number().int(),
    coLeaders: z.number().int(),
    members: z.number().int(),
    /** Organisations the import creates (no organisation of that name or alias is in the tracker yet). */
    newOrganisations: z.array(z.string()),
  })
  .meta({ id: 'PlanImportSummary' });
export type PlanImportSummary = z.infer<typeof PlanImportSummary>;

const importedPartnership = /* @__PURE__ */ (() => z.strictObject({ key: z.string(), name: z.string(), deadline: z.string() }))();

/** `POST /api/plan-imports/preview`: how every row was read, and every problem; `ok` when the import would go through. */
export const PlanImportPreview = /* @__PURE__ */ z
  .strictObject({
    partnership: importedPartnership,
    format: z.enum(['csv', 'xlsx']),
    ok: z.boolean(),
    rows: z.array(PlanImportRow),
    problems: z.array(PlanImportProblem),
    summary: PlanImportSummary,
  })
  .meta({ id: 'PlanImportPreview' });
export type PlanImportPreview = z.infer<typeof PlanImportPreview>;

/** `POST /api/plan-imports`: the partnership created, and where its chart is. */
export const PlanImportResult = /* @__PURE__ */ z
  .strictObject({
    partnership: importedPartnership,
    summary: PlanImportSummary,
    /** Address of the new partnership's chart in the web app, e.g. `/?partnership=key`. */
    chartPath: z.string(),
  })
  .meta({ id: 'PlanImportResult' });
export type PlanImportResult = z.infer<typeof PlanImportResult>;

/** The 400 answer of an import the preview refuses. */
export interface PlanImportRefusal {
  statusCode: 400;
  message: string;
  problems: PlanImportProblem[];
}
