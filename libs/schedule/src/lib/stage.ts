import type { ImplementationStage } from '@tracker/contracts';

/** One step or output of an Action as the stage of implementation reads it. */
export interface StagedItem {
  kind: 'milestone' | 'output';
  status: string;
  /** Percent done (milestones report it; null when not given). */
  progress: number | null;
  /** True for an activity that has steps: its steps are counted, not the activity. */
  hasSteps: boolean;
}

/** Below a third done an Action is at its initial stage, below two thirds at mid-level, then advanced. */
export const STAGE_THRESHOLDS = { midLevel: 1 / 3, advanced: 2 / 3 } as const;

/** How much of one item is done, from 0 to 1. */
function doneShare(item: StagedItem): number {
  if (item.status === 'done' || item.status === 'delivered') {
    return 1;
  }
  if (item.status === 'in_progress' || item.status === 'on_hold') {
    // A percent when the item reports one; else half of it.
    return item.progress !== null ? Math.min(Math.max(item.progress, 0), 100) / 100 : 0.5;
  }
  return 0;
}

/**
 * An Action's stage of implementation, computed from its steps and outputs: every step (a milestone
 * without steps, or each step of an activity) and every output counts once, cancelled ones not at
 * all; a done step or delivered output counts whole, one in progress by its percent (half when it
 * gives none). Nothing begun is "not started", everything done "completed"; in between the share
 * done places it: under a third "initial", under two thirds "mid-level", else "advanced".
 */
export function implementationStage(items: readonly StagedItem[]): {
  stage: ImplementationStage;
  done: number;
  counted: number;
  share: number;
  because: string;
} {
  const counted = items.filter((item) => item.status !== 'cancelled' && !item.hasSteps);
  const shares = counted.map(doneShare);
  const share = counted.length === 0 ? 0 : shares.reduce((sum, s) => sum + s, 0) / counted.length;
  const done = shares.filter((s) => s === 1).length;
  const begun = shares.some((s) => s > 0);
  const stage: ImplementationStage =
    counted.length > 0 && done === counted.length
      ? 'completed'
      : !begun
        ? 'not_started'
        : share < STAGE_THRESHOLDS.midLevel
          ? 'initial'
          : share < STAGE_THRESHOLDS.advanced
            ? 'mid_level'
            : 'advanced';
  const because =
    counted.length === 0
      ? 'no steps or outputs to count'
      : `${done} of ${counted.length} steps and outputs done, ${Math.round(share * 100)}% of the work counting what is in progress`;
  return { stage, done, counted: counted.length, share, because };
}
