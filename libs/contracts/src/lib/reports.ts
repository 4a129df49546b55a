/**
 * The report upward: the progress report of a period (and the final report over the whole phase),
 * and the Monitoring Table of Actions. The reports are files (DOCX, PDF) drawn from the plain
 * `ProgressReport` model; the Monitoring Table's rows are a JSON answer, declared as in plan.ts.
 */
import { z } from 'zod';
import { Instant, type CalendarDateString } from './plan';
import type { ActionRag, Rag } from './risks';

/**
 * Stages of implementation of an Action, as the Urban Agenda's Monitoring Table of Actions words
 * them: its published tables place Actions at a "mid-level" or an "advanced" stage; "not started",
 * "initial" and "completed" close the scale at both ends.
 */
export const IMPLEMENTATION_STAGES = ['not_started', 'initial', 'mid_level', 'advanced', 'completed'] as const;
export const ImplementationStage = /* @__PURE__ */ z.enum(IMPLEMENTATION_STAGES).meta({ id: 'ImplementationStage' });
export type ImplementationStage = z.infer<typeof ImplementationStage>;

export const IMPLEMENTATION_STAGE_LABELS: Readonly<Record<ImplementationStage, string>> = {
  not_started: 'Not started',
  initial: 'Initial stage',
  mid_level: 'Mid-level stage',
  advanced: 'Advanced stage',
  completed: 'Completed',
};

/** Longest note of a stage override. */
export const STAGE_NOTE_MAX_LENGTH = 2000;

/** A file, link or note that shows an item was delivered, as the report links it. */
export interface ReportEvidence {
  id: string;
  kind: 'file' | 'link' | 'note';
  /** A file's or link's title; a note's text (why there is nothing to attach). */
  title: string;
  /** Where it is read: `<tracker>/api/evidence/:id/download` for a file, the address of a link; null for a note. */
  href: string | null;
}

/** An output delivered (or a milestone done) in the period, with its evidence. */
export interface ReportDelivery {
  id: string;
  itemType: 'milestone' | 'output';
  title: string;
  /** The actual end, or the day it was marked delivered when none was given. */
  deliveredOn: CalendarDateString;
  evidence: ReportEvidence[];
}

/** An item that slipped against the approved version, in words ("2 months later than approved"). */
export interface ReportSlip {
  itemType: 'milestone' | 'output';
  title: string;
  words: string;
}

/** A risk of the Action's register with its mitigation. */
export interface ReportRisk {
  title: string;
  status: string;
  likelihood: number | null;
  impact: number | null;
  owner: string | null;
  mitigation: string;
}

/** A monitoring call of the period that covered the Action: its decisions and follow-ups. */
export interface ReportCall {
  heldOn: CalendarDateString;
  decisions: string;
  followUps: { what: string; owner: string | null; dueDate: CalendarDateString | null; done: boolean }[];
}

/** An item still to finish, with when it is expected to end (a range). */
export interface ReportRemaining {
  itemType: 'milestone' | 'output';
  title: string;
  windowText: string | null;
  status: string;
  earliestEnd: CalendarDateString | null;
  latestEnd: CalendarDateString | null;
}

export interface ReportAction {
  number: number;
  shortName: string;
  title: string;
  rag: Rag;
  /** Why, in words (the risk view's reasons; the last one is the countdown). */
  reasons: string[];
  finish: ActionRag['finish'];
  stage: ImplementationStage;
  delivered: ReportDelivery[];
  slipped: ReportSlip[];
  risks: ReportRisk[];
  calls: ReportCall[];
  remaining: ReportRemaining[];
}

/** One report model, drawn as DOCX and as PDF (`GET /api/reports/progress.docx|pdf`, `final.docx|pdf`). */
export interface ProgressReport {
  kind: 'progress' | 'final';
  partnership: { key: string; name: string; deadline: CalendarDateString };
  from: CalendarDateString;
  to: CalendarDateString;
  /** The day the ratings are judged on: the period's end, or today when that is later. */
  asOf: CalendarDateString;
  daysToDeadline: number;
  /** The approved version slippage is measured against (the latest), or null when there is none. */
  baseline: { number: number; name: string } | null;
  actions: ReportAction[];
}

/** One row of the Monitoring Table of Actions (`GET /api/reports/monitoring-table[.xlsx|.csv]`). */
export const MonitoringTableRow = /* @__PURE__ */ z
  .strictObject({
    actionNumber: z.number().int(),
    shortName: z.string(),
    title: z.string(),
    /** The stage in force: the Secretariat's override, or else the computed one. */
    stage: ImplementationStage,
    computedStage: ImplementationStage,
    /** The computation in words ("4 of 9 steps and outputs done: 44%"). */
    computedBecause: z.string(),
    /** The Secretariat's stage with its note, who set it and when; null when the computed stage is in force. */
    override: z.strictObject({ stage: ImplementationStage, note: z.string(), by: z.string(), at: Instant }).nullable(),
  })
  .meta({ id: 'MonitoringTableRow' });
export type MonitoringTableRow = z.infer<typeof MonitoringTableRow>;

/** `PUT /api/reports/stages/:actionNumber`: the Secretariat's stage, or null to go back to the computed one. */
export interface StageOverrideUpdate {
  partnership?: string;
  stage: ImplementationStage | null;
  note: string;
}
