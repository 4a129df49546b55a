import type { PlanSheetRow } from '../plan-template';

/**
 * A made-up plan for the sample files (sample-plan.xlsx, sample-plan.csv): three Actions of a
 * "Partnership on Sustainable Tourism", with activities, steps, outputs, co-leaders and members, and
 * windows worded the many ways work plans word them. `npm run import:samples` writes the files.
 */
export const SAMPLE_PLAN: readonly PlanSheetRow[] = [
  { Action: 1, 'Action title': 'Data on visitor flows', Type: 'co-leader', Organisation: 'City of Seville', Country: 'ES' },
  { Action: 1, Type: 'co-leader', Organisation: 'Région Sud', Country: 'FR' },
  { Action: 1, Type: 'member', Organisation: 'Croix-Rouge française', Country: 'FR' },
  { Action: 1, Type: 'member', Organisation: 'Città di Venezia', Country: 'IT' },
  { Action: 1, Type: 'activity', Title: 'Mapping of visitor flow data', Window: 'October - December 2025' },
  { Action: 1, Type: 'step', Parent: 'Mapping of visitor flow data', Title: 'Survey of partner cities', Window: 'November 2025' },
  { Action: 1, Type: 'step', Parent: 'Mapping of visitor flow data', Title: 'Analysis of the answers', Window: 'December 2025' },
  { Action: 1, Type: 'activity', Title: 'Peer review of data dashboards', Window: 'Q1 2026' },
  { Action: 1, Type: 'output', Parent: 'Mapping of visitor flow data', Title: 'Report on visitor flow data', Window: 'January - March 2026' },
  { Action: 2, 'Action title': 'Funding for sustainable destinations', Type: 'co-leader', Organisation: 'Province of Noord-Holland', Country: 'NL' },
  { Action: 2, Type: 'member', Organisation: 'City of Seville' },
  { Action: 2, Type: 'activity', Title: 'Guidance on EU funds for destinations', Window: 'November - February 2026' },
  { Action: 2, Type: 'step', Parent: 'Guidance on EU funds for destinations', Title: 'Webinar on funding calls', Window: '15 January 2026', Tentative: 'yes' },
  { Action: 2, Type: 'activity', Title: 'Pilot projects', Window: '2026 (tbd)' },
  { Action: 2, Type: 'output', Title: 'Funding guide', Window: 'H2 2026' },
  { Action: 3, 'Action title': 'Housing and short-term rentals', Type: 'co-leader', Organisation: 'City of Lisbon', Country: 'PT' },
  { Action: 3, Type: 'member', Organisation: 'Région Sud' },
  { Action: 3, Type: 'activity', Title: 'Exchange on short-term rental rules', Window: 'June 2025 - April 2026' },
  { Action: 3, Type: 'step', Parent: 'Exchange on short-term rental rules', Title: 'Study visit to Lisbon', Window: 'May or June 2025' },
  { Action: 3, Type: 'activity', Title: 'Recommendations to the Commission', Window: '2026-2027' },
  { Action: 3, Type: 'output', Parent: 'Recommendations to the Commission', Title: 'Policy recommendations' },
  { Action: 3, Type: 'activity', Title: 'Final conference', Window: 'tbd' },
];

/** The row of the bad sample whose window cannot be read (the header is row 1). */
export const BAD_SAMPLE_ROW = 9;

/** The sample with one unreadable window: "Q5 2026" on row {@link BAD_SAMPLE_ROW} (sample-plan-bad-date.xlsx). */
export const BAD_SAMPLE_PLAN: readonly PlanSheetRow[] = SAMPLE_PLAN.map((row, index) => (index + 2 === BAD_SAMPLE_ROW ? { ...row, Window: 'Q5 2026' } : row));
