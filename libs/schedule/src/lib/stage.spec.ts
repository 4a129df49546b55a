import { implementationStage, type StagedItem } from './stage';

const step = (status: string, progress: number | null = null, hasSteps = false): StagedItem => ({ kind: 'milestone', status, progress, hasSteps });
const output = (status: string): StagedItem => ({ kind: 'output', status, progress: null, hasSteps: false });

describe('implementationStage', () => {
  it('places an Action on the scale by the share of its steps and outputs done', () => {
    expect(implementationStage([step('not_started'), output('planned')]).stage).toBe('not_started');
    expect(implementationStage([step('in_progress', 10), step('not_started'), output('planned')]).stage).toBe('initial');
    expect(implementationStage([step('done'), step('not_started'), output('planned')]).stage).toBe('mid_level');
    expect(implementationStage([step('done'), step('done'), output('planned')]).stage).toBe('advanced');
    expect(implementationStage([step('done'), output('delivered'), output('cancelled')]).stage).toBe('completed');
  });

  it('counts the steps of an activity and not the activity, and half of what is in progress without a percent', () => {
    const result = implementationStage([step('in_progress', null, true), step('done'), output('in_progress'), step('cancelled')]);
    expect(result).toMatchObject({ stage: 'advanced', done: 1, counted: 2, share: 0.75 });
    expect(result.because).toBe('1 of 2 steps and outputs done, 75% of the work counting what is in progress');
    expect(implementationStage([]).stage).toBe('not_started');
  });
});
