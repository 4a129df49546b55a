import type { DatePrecision } from './plan';

/** What a row of an imported plan is: its `Type` column. */
export type PlanImportRowType = 'activity' | 'step' | 'output' | 'co-leader' | 'member';

export const PLAN_IMPORT_ROW_TYPES: readonly PlanImportRowType[] = ['activity', 'step', 'output', 'co-leader', 'member'];

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
export interface PlanImportWindow {
  words: string;
  start: string | null;
  end: string | null;
  precision: DatePrecision;
  /** The words say the timing is not confirmed ("tbc", "?", "tentative"). */
  tentative: boolean;
}

/** One row of the sheet as the import read it. */
export interface PlanImportRow {
  /** Row number in the sheet (the header is row 1). */
  row: number;
  action: number | null;
  actionTitle: string | null;
  type: PlanImportRowType | null;
  parent: string | null;
  title: string | null;
  /** Null when the row has no window (an organisation, an output without a due window) or it cannot be read. */
  window: PlanImportWindow | null;
  /** The `Tentative` column, or the window's words, mark the item as tentative. */
  tentative: boolean;
  organisation: string | null;
  country: string | null;
  /** For co-leaders and members: whether an organisation of that name is already in the tracker (else it is created). */
  organisationExists: boolean | null;
  /** The `Depends on` column: the items that must end before this one starts, one reference each (see the template's "How to fill" sheet). */
  dependsOn: string[];
  /** The problems of this row, in words. */
  problems: string[];
}

/** A problem of the file: the row and column it is in (null for the file or the partnership), and the sentence saying it. */
export interface PlanImportProblem {
  row: number | null;
  column: string | null;
  /** e.g. `row 7, column "Window": cannot read "Q5 2026" (...)`. */
  message: string;
}

export interface PlanImportSummary {
  actions: number;
  activities: number;
  steps: number;
  outputs: number;
  coLeaders: number;
  members: number;
  /** Organisations the import creates (no organisation of that name or alias is in the tracker yet). */
  newOrganisations: string[];
}

/** `POST /api/plan-imports/preview`: how every row was read, and every problem; `ok` when the import would go through. */
export interface PlanImportPreview {
  partnership: { key: string; name: string; deadline: string };
  format: 'csv' | 'xlsx';
  ok: boolean;
  rows: PlanImportRow[];
  problems: PlanImportProblem[];
  summary: PlanImportSummary;
}

/** `POST /api/plan-imports`: the partnership created, and where its chart is. */
export interface PlanImportResult {
  partnership: { key: string; name: string; deadline: string };
  summary: PlanImportSummary;
  /** Address of the new partnership's chart in the web app, e.g. `/?partnership=key`. */
  chartPath: string;
}

/** The 400 answer of an import the preview refuses. */
export interface PlanImportRefusal {
  statusCode: 400;
  message: string;
  problems: PlanImportProblem[];
}
