import type { SeedMilestone, SeedWorkPlan } from './seed.types';

/**
 * A finish-to-start link the Work Plan states, by the seed keys of its items (milestones or outputs):
 * the successor starts once the predecessor has ended. `words` quotes the plan: it becomes the link's
 * `derived` note. Only where the plan says so; none where it is silent.
 */
export interface SeedDependency {
  predecessor: string;
  successor: string;
  lagMonths?: number;
  /** The section(s) that state the link. */
  source: string;
  words: string;
}

/** The links the Action sections state in words ("followed by", "based on", "to be reviewed and validated", ...). */
export const STATED_DEPENDENCIES: readonly SeedDependency[] = [
  // Action 1
  ...(['a1-virtual-exchange-1', 'a1-virtual-exchange-2'] as const).map((exchange) => ({
    predecessor: exchange,
    successor: 'a1-out-outcomes-reports',
    source: '2.4.5, 2.4.10',
    words:
      'The plan says "Each virtual exchange will be followed by an outcomes report" and lists the output "Outcomes report following each virtual exchange": the report follows the exchange.',
  })),
  ...(['a1-virtual-exchange-1', 'a1-virtual-exchange-2'] as const).map((exchange) => ({
    predecessor: exchange,
    successor: 'a1-recommendations',
    source: '2.4.5, 2.4.9',
    words:
      'The plan has the good practices presented and discussed in the virtual exchanges, followed by "Development of recommendations based on good practices": the recommendations follow the exchanges.',
  })),
  // Action 2
  {
    predecessor: 'a2-resources-draft',
    successor: 'a2-resources-review',
    source: '2.5.9',
    words:
      'The plan has the "Document to be drafted to present resources", then "Action group members to review and validate collection of resources": the review follows the draft.',
  },
  {
    predecessor: 'a2-resources-review',
    successor: 'a2-resources-dissemination',
    source: '2.5.9',
    words:
      'The plan has the collection of resources reviewed and validated, then "Document to be disseminated to members and/or stakeholders": the validated document is disseminated.',
  },
  {
    predecessor: 'a2-mapping-draft',
    successor: 'a2-mapping-review',
    source: '2.5.9',
    words: 'The plan says "Mapping to be drafted", then "Mapping to be reviewed and validated by Action group members": the review follows the draft.',
  },
  {
    predecessor: 'a2-mapping-draft',
    successor: 'a2-mapping-webinar',
    source: '2.5.9',
    words: 'The plan says "Webinar to be organised to disseminate the results of the mapping": the webinar follows the mapping.',
  },
  {
    predecessor: 'a2-mapping-draft',
    successor: 'a2-recommendations-develop',
    source: '2.5.9',
    words: 'The plan says "Recommendations to be developed based on the mapping exercise": the recommendations follow the mapping.',
  },
  {
    predecessor: 'a2-recommendations-develop',
    successor: 'a2-recommendations-review',
    source: '2.5.9',
    words:
      'The plan says "Recommendations to be developed", then "Recommendations to be reviewed and validated by expert and Action group members": the review follows the development.',
  },
  {
    predecessor: 'a2-recommendations-review',
    successor: 'a2-recommendations-disseminate',
    source: '2.5.9',
    words:
      'The plan has the recommendations reviewed and validated, then "Recommendations to be disseminated to relevant stakeholders": the validated recommendations are disseminated.',
  },
  // Action 3
  {
    predecessor: 'a3-analysis',
    successor: 'a3-guidelines-development',
    source: '2.6.9',
    words:
      'The plan says "Development of a guidelines based on the self-assessment results", which come from the "Extraction of the information and analysis": the guidelines follow the analysis.',
  },
  {
    predecessor: 'a3-guidelines-development',
    successor: 'a3-guidelines-set',
    source: '2.6.9',
    words:
      'The plan says "Utilisation of the findings and analysis from the previous step to produce a set of guidelines": the set follows the development of the guidelines.',
  },
  // Action 4
  {
    predecessor: 'a4-practices-report-draft',
    successor: 'a4-practices-report-review',
    source: '2.7.9',
    words:
      'The plan says "Report with practices to be drafted", then "Report to be reviewed and validated by Action group members": the review follows the draft.',
  },
  {
    predecessor: 'a4-study-visit',
    successor: 'a4-practices-report-update',
    source: '2.7.9',
    words: 'The plan says "Report to be updated with outcomes of the study visit": the update follows the study visit.',
  },
];

/**
 * The seeded plan's links: those it states ({@link STATED_DEPENDENCIES}), and each output after the
 * milestones it comes from (its `milestoneKeys`), where no stated link joins them already.
 */
export function workPlanDependencies(plan: SeedWorkPlan): SeedDependency[] {
  const links = [...STATED_DEPENDENCIES];
  const known = new Set(links.map((l) => `${l.predecessor}>${l.successor}`));
  for (const action of plan.actions) {
    const flatten = (m: SeedMilestone): SeedMilestone[] => [m, ...m.children.flatMap(flatten)];
    const milestones = new Map(action.milestones.flatMap(flatten).map((m) => [m.key, m]));
    for (const output of action.outputs) {
      for (const key of output.milestoneKeys) {
        const milestone = milestones.get(key);
        if (!milestone || known.has(`${key}>${output.key}`)) continue;
        known.add(`${key}>${output.key}`);
        links.push({
          predecessor: key,
          successor: output.key,
          source: milestone.source === output.source ? output.source : `${milestone.source}, ${output.source}`,
          words: `The plan lists the output "${output.title}" (${output.source}) as the result of "${milestone.title}" (${milestone.source}): the output follows its step.`,
        });
      }
    }
  }
  return links;
}
