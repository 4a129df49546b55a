/**
 * The shape of the Work Plan as transcribed from the source document.
 * Plain data: the seeder turns it into rows; tests compare it with the source text.
 */

export type OrganisationType =
  | 'city'
  | 'region'
  | 'national_government'
  | 'eu_body'
  | 'municipal_network'
  | 'ngo_think_tank'
  | 'university'
  | 'expert_group'
  | 'international_organisation'
  | 'other';

export type DatePrecision = 'day' | 'month' | 'year' | 'unknown' | 'ongoing';

/**
 * What the tracker says about the plan's words (as PlanNote in libs/contracts): a derived reading,
 * an inconsistency of the plan, a step found only in Annex 1, or how an ambiguous passage was read.
 */
export interface SeedNote {
  kind: 'derived' | 'inconsistency' | 'annex_only' | 'reading';
  text: string;
  /** Section(s) the note rests on. */
  source: string;
}

/** A planned window exactly as the plan words it, plus the calendar reading of it. */
export interface SeedWindow {
  /** The words of the source, e.g. "October - December 2025" or "2026, precise timing TBD". */
  text: string;
  /** First calendar day of the window (yyyy-MM-dd), or null when the source gives no date. */
  start: string | null;
  /** Last calendar day of the window (yyyy-MM-dd), or null when the source gives no date. */
  end: string | null;
  precision: DatePrecision;
}

/** Another reading of an item's dates found elsewhere in the plan. */
export interface SeedAlternative extends SeedWindow {
  /** Section where this reading is found, e.g. "Annex 1" or "2.6 Intermediary timeline". */
  source: string;
}

export interface SeedOrganisation {
  /** Stable slug, e.g. "flanders". Never changes once seeded. */
  key: string;
  /** Canonical name. */
  name: string;
  type: OrganisationType;
  /** ISO 3166-1 alpha-2 code where known ("BE"), else null. */
  country: string | null;
  /** Every other spelling the plan uses for the same body. */
  aliases: string[];
  /** Section(s) where the organisation appears, e.g. "1.2.2". */
  source: string;
  notes?: SeedNote[];
}

export interface SeedMilestone {
  /** Stable slug unique across the whole plan, e.g. "a1-virtual-exchange-1". */
  key: string;
  title: string;
  /** start/end null and precision "unknown" when the source gives no timing at all. */
  window: SeedWindow;
  /** True when the plan marks the item as tentative (TBC, "possibly", "if feasible"...). */
  tentative: boolean;
  /** Section the plan of record comes from, e.g. "2.4.9". */
  source: string;
  /** Conflicting readings elsewhere in the plan (Annex 1, intermediary timeline). */
  alternatives: SeedAlternative[];
  /**
   * Derived readings and inconsistencies. A note of kind `annex_only` marks a step found only in
   * Annex 1: not the plan of record, so the risk view never flags it on its own.
   */
  notes?: SeedNote[];
  /** Sub-steps, in plan order. */
  children: SeedMilestone[];
}

export interface SeedOutput {
  key: string;
  title: string;
  /** Due window where the plan gives or implies one, else null. */
  due: SeedWindow | null;
  tentative: boolean;
  source: string;
  /** Keys of the milestones that produce this output. */
  milestoneKeys: string[];
  /**
   * The plan gives no due date but implies one: the output is due over the span of its milestones'
   * windows (`due` stays null: the plan has no words for it; a `derived` note says why).
   */
  deriveDueFromMilestones?: boolean;
  /** Keys of the milestones the derived window is borrowed from, where not all of `milestoneKeys` (a `derived` note names them). */
  dueFrom?: string[];
  /**
   * The output follows its milestones ("each virtual exchange will be followed by an outcomes
   * report"): the derived window runs from the month after the first one ends to the month after
   * the last one ends (a `derived` note says so).
   */
  dueFollowsMilestones?: boolean;
  /**
   * Work the plan gives no date because it runs throughout (communication): ongoing from the
   * Action's first step to its deadline, never undated (a `derived` note says so).
   */
  ongoing?: boolean;
  notes?: SeedNote[];
}

export interface SeedTarget {
  key: string;
  /** As worded in the plan, e.g. "10 regions, 3 departments per region". */
  description: string;
  source: string;
}

/** The risk an Action's section 2.x.7 names: one risk, its causes and its mitigation. */
export interface SeedRisk {
  key: string;
  title: string;
  description: string;
  /** The causes the plan gives, in its words. */
  causes: string[];
  mitigation: string;
  source: string;
}

export interface SeedAction {
  number: number;
  shortName: 'Labour' | 'Education' | 'Disinformation' | 'Funds';
  title: string;
  objective: string;
  /** "Better Regulation" | "Better Funding" | "Better Knowledge", or null where the plan leaves it blank. */
  pillar: string | null;
  governanceLevels: string[];
  /** yyyy-MM-dd: "March 2027" is 2027-03-31. */
  deadline: string;
  source: string;
  /** Organisation keys, in the order the plan lists them. */
  coLeaders: string[];
  /** Organisation keys (each once, even when the plan repeats a name). */
  members: string[];
  /** Named external stakeholders as organisation keys (may be empty). */
  externalStakeholders: string[];
  /** Bodies named only as potential stakeholders for cooperation (2.x.8), as organisation keys. */
  potentialStakeholders?: string[];
  /** Stakeholders the plan names only loosely ("others TBD"), verbatim. */
  stakeholderNotes: string[];
  milestones: SeedMilestone[];
  outputs: SeedOutput[];
  targets: SeedTarget[];
  risks: SeedRisk[];
}

/** An Action as the shared plan writer takes it: the Work Plan's, or one read from a spreadsheet (any short name). */
export type PlanAction = Omit<SeedAction, 'shortName'> & { shortName: string };

export interface SeedPartnership {
  key: string;
  name: string;
  /** Organisation keys of the coordinators. */
  coordinators: string[];
  /** Organisation keys of all Partnership members in the current phase (Table 1). */
  members: string[];
  /** Organisation key of the Secretariat (2.x.6); not a member. */
  secretariat: string;
  /** yyyy-MM-dd */
  deadline: string;
  source: string;
  /** Facts of the plan about the Partnership, e.g. where it disagrees with itself. */
  notes: SeedNote[];
  /** The name of version 1 of its plan, the first baseline ("Work Plan as approved, April 2025" unless given). */
  firstVersionName?: string;
}

export interface SeedWorkPlan {
  partnership: SeedPartnership;
  organisations: SeedOrganisation[];
  actions: SeedAction[];
}
