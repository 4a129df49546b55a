import { buildUpdate, type MilestoneValues } from './edit-values';

const before: MilestoneValues = {
  status: 'not_started',
  progress: 0,
  actualStart: null,
  actualEnd: null,
  forecastEnd: null,
  title: 'Mapping',
  windowText: 'October - December 2025',
  tentative: false,
  parentId: null,
};

describe('buildUpdate', () => {
  it('sends only the fields that changed, with the version the form came from', () => {
    expect(buildUpdate(before, { ...before, status: 'in_progress', progress: 30 }, 4, '')).toEqual({ version: 4, status: 'in_progress', progress: 30 });
    expect(buildUpdate(before, { ...before, actualStart: '2026-11-02' }, 1, '  started  ')).toEqual({ version: 1, actualStart: '2026-11-02', note: 'started' });
  });

  it('sends the amended plan entry: title, window words and tentative', () => {
    expect(buildUpdate(before, { ...before, windowText: 'December 2025 - February 2026', tentative: true }, 3, 'venue moved')).toEqual({
      version: 3,
      windowText: 'December 2025 - February 2026',
      tentative: true,
      note: 'venue moved',
    });
    expect(buildUpdate(before, { ...before, title: 'Mapping of practices' }, 1, '')).toEqual({ version: 1, title: 'Mapping of practices' });
    expect(buildUpdate(before, { ...before, parentId: 'a1' }, 2, '')).toEqual({ version: 2, parentId: 'a1' });
  });

  it('clears a date with null', () => {
    expect(buildUpdate({ ...before, forecastEnd: '2027-01-31' }, before, 2, '')).toEqual({ version: 2, forecastEnd: null });
  });

  it('sends nothing when nothing changed and there is no note', () => {
    expect(buildUpdate(before, { ...before }, 1, '   ')).toBeNull();
    expect(buildUpdate(before, { ...before }, 1, 'checked on the call')).toEqual({ version: 1, note: 'checked on the call' });
  });
});
