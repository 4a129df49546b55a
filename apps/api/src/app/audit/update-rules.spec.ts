import { MILESTONE_SPEC, OUTPUT_SPEC, planUpdate, type ItemValues } from './update-rules';

const milestone = (values: ItemValues = {}): ItemValues => ({
  status: 'in_progress',
  progress: 40,
  actualStart: '2025-06-02',
  actualEnd: null,
  forecastEnd: null,
  ...values,
});
const output = (values: ItemValues = {}): ItemValues => ({ status: 'planned', actualStart: null, actualEnd: null, forecastEnd: null, ...values });

describe('planUpdate', () => {
  it('lists only the fields that really change, with their old and new values', () => {
    expect(planUpdate(MILESTONE_SPEC, milestone(), { status: 'in_progress', progress: 60, forecastEnd: '2025-12-31' })).toEqual({
      ok: true,
      after: milestone({ progress: 60, forecastEnd: '2025-12-31' }),
      changes: [
        { field: 'progress', from: 40, to: 60 },
        { field: 'forecastEnd', from: null, to: '2025-12-31' },
      ],
    });
  });

  it('clears a date given as null', () => {
    const plan = planUpdate(MILESTONE_SPEC, milestone(), { actualStart: null });
    expect(plan).toMatchObject({ ok: true, changes: [{ field: 'actualStart', from: '2025-06-02', to: null }] });
  });

  it('sets progress to 100 when a milestone becomes done with its actual end', () => {
    const plan = planUpdate(MILESTONE_SPEC, milestone(), { status: 'done', actualEnd: '2025-09-30' });
    expect(plan).toMatchObject({
      ok: true,
      changes: [
        { field: 'status', from: 'in_progress', to: 'done' },
        { field: 'progress', from: 40, to: 100 },
        { field: 'actualEnd', from: null, to: '2025-09-30' },
      ],
    });
  });

  it('refuses done with another progress, and done without an actual end', () => {
    expect(planUpdate(MILESTONE_SPEC, milestone(), { status: 'done', progress: 90, actualEnd: '2025-09-30' })).toEqual({
      ok: false,
      message: 'progress must be 100 when status is done, got 90',
    });
    expect(planUpdate(MILESTONE_SPEC, milestone(), { status: 'done' })).toEqual({
      ok: false,
      message: 'actualEnd is required when status is done: give the day it was finished',
    });
    expect(planUpdate(MILESTONE_SPEC, milestone({ status: 'done', progress: 100, actualEnd: '2025-09-30' }), { actualEnd: null })).toMatchObject({
      ok: false,
    });
    expect(planUpdate(MILESTONE_SPEC, milestone({ status: 'done', progress: 100, actualEnd: '2025-09-30' }), { progress: 50 })).toMatchObject({
      ok: false,
    });
  });

  it('accepts done when the actual end is already stored', () => {
    expect(planUpdate(MILESTONE_SPEC, milestone({ actualEnd: '2025-09-30' }), { status: 'done' })).toMatchObject({ ok: true });
  });

  it('refuses an actual end before the actual start, given or stored', () => {
    expect(planUpdate(MILESTONE_SPEC, milestone(), { actualEnd: '2025-06-01' })).toEqual({
      ok: false,
      message: 'actualEnd (2025-06-01) must not be before actualStart (2025-06-02)',
    });
    expect(planUpdate(MILESTONE_SPEC, milestone({ actualEnd: '2025-07-01' }), { actualStart: '2025-07-02' })).toMatchObject({ ok: false });
    expect(planUpdate(MILESTONE_SPEC, milestone(), { actualEnd: '2025-06-02' })).toMatchObject({ ok: true });
  });

  it('needs a delivery date for a delivered output, and never touches progress there', () => {
    expect(planUpdate(OUTPUT_SPEC, output(), { status: 'delivered' })).toEqual({
      ok: false,
      message: 'actualEnd is required when status is delivered: give the day it was delivered',
    });
    const plan = planUpdate(OUTPUT_SPEC, output(), { status: 'delivered', actualEnd: '2026-03-01' });
    expect(plan).toEqual({
      ok: true,
      after: output({ status: 'delivered', actualEnd: '2026-03-01' }),
      changes: [
        { field: 'status', from: 'planned', to: 'delivered' },
        { field: 'actualEnd', from: null, to: '2026-03-01' },
      ],
    });
  });
});
