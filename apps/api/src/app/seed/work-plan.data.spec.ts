import { existsSync, readFileSync } from 'fs';
import { resolve } from 'path';

import { readWindowText } from '@tracker/schedule';

import { dueOf } from './seed-work-plan';
import type { SeedMilestone, SeedNote, SeedOutput, SeedWindow, SeedWorkPlan } from './seed.types';
import { WORK_PLAN } from './work-plan.data';

/** The Work Plan's text as published, committed beside the data it is checked against. */
const SOURCE_PATH = resolve(__dirname, 'source/work-plan.txt');

/**
 * Normalise text for comparison with the source: unify quotes and dashes, drop the spaces around
 * dashes ("October — December" ~ "October-December", "co-\nlearning" ~ "co-learning"), collapse
 * whitespace (also before punctuation), ignore case.
 */
function normalise(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032`\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s+([,.;:)])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function allMilestones(milestones: SeedMilestone[]): SeedMilestone[] {
  return milestones.flatMap((m) => [m, ...allMilestones(m.children)]);
}

const plan: SeedWorkPlan = WORK_PLAN;
const milestones = plan.actions.flatMap((a) => allMilestones(a.milestones));
const outputs: SeedOutput[] = plan.actions.flatMap((a) => a.outputs);
const milestoneByKey = new Map(milestones.map((m) => [m.key, m]));
const orgKeys = new Set(plan.organisations.map((o) => o.key));

/** Every window in the plan with a label saying where it is. */
function allWindows(): Array<{ where: string; window: SeedWindow }> {
  const windows: Array<{ where: string; window: SeedWindow }> = [];
  for (const m of milestones) {
    windows.push({ where: m.key, window: m.window });
    m.alternatives.forEach((alt, i) => windows.push({ where: `${m.key} alternative ${i}`, window: alt }));
  }
  for (const o of outputs) {
    if (o.due) windows.push({ where: o.key, window: o.due });
  }
  return windows;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function lastDayOfMonth(value: string): string {
  const [y, m] = value.split('-').map(Number);
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${value.slice(0, 7)}-${String(day).padStart(2, '0')}`;
}

/** Collects every property name used anywhere in a value. */
function propertyNames(value: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    value.forEach((item) => propertyNames(item, names));
  } else if (value !== null && typeof value === 'object') {
    for (const [name, child] of Object.entries(value as Record<string, unknown>)) {
      names.add(name);
      propertyNames(child, names);
    }
  }
  return names;
}

describe('WORK_PLAN seed data', () => {
  let source: string;

  beforeAll(() => {
    expect(existsSync(SOURCE_PATH)).toBe(true);
    source = normalise(readFileSync(SOURCE_PATH, 'utf8'));
  });

  const expectInSource = (text: string, what: string): void => {
    if (!source.includes(normalise(text))) {
      throw new Error(`${what} not found in the source: "${text}"`);
    }
  };

  describe('fidelity to the source text', () => {
    it('quotes every milestone title and window text from the source', () => {
      for (const m of milestones) {
        expectInSource(m.title, `title of milestone ${m.key}`);
        expectInSource(m.window.text, `window text of milestone ${m.key}`);
        for (const alt of m.alternatives) expectInSource(alt.text, `alternative text of milestone ${m.key}`);
      }
    });

    it("keeps every window's words exactly as the plan's text words them, dashes included", () => {
      // Only line breaks are undone ("August-\nSeptember", "January —\nMay 2026"): an em dash stays an em dash.
      const exact = readFileSync(SOURCE_PATH, 'utf8')
        .replace(/-[ \t]*\n\s*/g, '-')
        .replace(/\s+/g, ' ');
      const changed = allWindows().filter(({ window }) => !exact.includes(window.text));
      expect(changed.map(({ where, window }) => `${where}: "${window.text}"`)).toEqual([]);
      expect(milestoneByKey.get('a1-recommendations')?.window.text).toBe('January — May 2026');
    });

    it('quotes every output title and due text from the source', () => {
      for (const o of outputs) {
        expectInSource(o.title, `title of output ${o.key}`);
        if (o.due) expectInSource(o.due.text, `due text of output ${o.key}`);
      }
    });

    it('quotes action titles, objectives, targets, risks and stakeholder notes', () => {
      for (const a of plan.actions) {
        expectInSource(a.title, `title of action ${a.number}`);
        expectInSource(a.objective, `objective of action ${a.number}`);
        for (const t of a.targets) expectInSource(t.description, `target ${t.key}`);
        for (const r of a.risks) {
          expectInSource(r.title, `title of risk ${r.key}`);
          expectInSource(r.description, `description of risk ${r.key}`);
          expectInSource(r.mitigation, `mitigation of risk ${r.key}`);
          for (const cause of r.causes) expectInSource(cause, `cause of risk ${r.key}`);
        }
        for (const note of a.stakeholderNotes) expectInSource(note, `stakeholder note of action ${a.number}`);
      }
      expectInSource(plan.partnership.name, 'partnership name');
    });

    it('names every organisation the way the plan does (name or alias), and every alias occurs', () => {
      for (const o of plan.organisations) {
        const names = [o.name, ...o.aliases];
        expect(names.some((n) => source.includes(normalise(n)))).toBe(true);
        for (const alias of o.aliases) expectInSource(alias, `alias of organisation ${o.key}`);
      }
    });

    it('has no alias listed twice, nor an alias equal to another organisation name', () => {
      const seen = new Map<string, string>();
      for (const o of plan.organisations) {
        for (const n of [o.name, ...o.aliases]) {
          const k = normalise(n);
          expect(seen.get(k) ?? o.key).toBe(o.key);
          seen.set(k, o.key);
        }
        expect(new Set([o.name, ...o.aliases].map(normalise)).size).toBe(o.aliases.length + 1);
      }
    });
  });

  describe('keys and references', () => {
    it('uses unique keys', () => {
      const unique = (keys: string[]): void => expect(new Set(keys).size).toBe(keys.length);
      unique(plan.organisations.map((o) => o.key));
      unique(milestones.map((m) => m.key));
      unique(outputs.map((o) => o.key));
      unique(plan.actions.flatMap((a) => a.targets.map((t) => t.key)));
      unique(plan.actions.flatMap((a) => a.risks.map((r) => r.key)));
      unique(plan.actions.map((a) => String(a.number)));
      for (const a of plan.actions) {
        unique(a.coLeaders);
        unique(a.members);
        unique(a.externalStakeholders);
      }
      unique(plan.partnership.members);
      unique(plan.partnership.coordinators);
    });

    it('prefixes milestone keys with their Action number', () => {
      for (const a of plan.actions) {
        for (const m of allMilestones(a.milestones)) expect(m.key.startsWith(`a${a.number}-`)).toBe(true);
        for (const o of a.outputs) expect(o.key.startsWith(`a${a.number}-`)).toBe(true);
      }
    });

    it('references only organisations that exist', () => {
      const refs = [
        plan.partnership.secretariat,
        ...plan.partnership.coordinators,
        ...plan.partnership.members,
        ...plan.actions.flatMap((a) => [...a.coLeaders, ...a.members, ...a.externalStakeholders]),
      ];
      for (const key of refs) expect(orgKeys.has(key) ? key : `missing organisation ${key}`).toBe(key);
    });

    it('references only milestones of the same Action', () => {
      for (const a of plan.actions) {
        const own = new Set(allMilestones(a.milestones).map((m) => m.key));
        for (const o of a.outputs) {
          for (const key of o.milestoneKeys) expect(own.has(key) ? key : `missing milestone ${key}`).toBe(key);
        }
      }
    });

    it('seeds no organisation that nothing refers to', () => {
      const used = new Set([
        plan.partnership.secretariat,
        ...plan.partnership.coordinators,
        ...plan.partnership.members,
        ...plan.actions.flatMap((a) => [...a.coLeaders, ...a.members, ...a.externalStakeholders, ...(a.potentialStakeholders ?? [])]),
      ]);
      for (const o of plan.organisations) expect(used.has(o.key) ? o.key : `unused ${o.key}`).toBe(o.key);
    });
  });

  describe('windows', () => {
    it('uses valid yyyy-MM-dd dates with start <= end', () => {
      for (const { where, window } of allWindows()) {
        if (window.precision === 'unknown') {
          expect([where, window.start, window.end]).toEqual([where, null, null]);
          continue;
        }
        expect(window.start).not.toBeNull();
        expect(window.end).not.toBeNull();
        const start = window.start as string;
        const end = window.end as string;
        expect([where, isValidIsoDate(start), isValidIsoDate(end)]).toEqual([where, true, true]);
        expect([where, start <= end]).toEqual([where, true]);
      }
    });

    it('runs month windows from the 1st to the last day of a month, year windows over whole years', () => {
      for (const { where, window } of allWindows()) {
        const start = window.start as string;
        const end = window.end as string;
        if (window.precision === 'month') {
          expect([where, start.slice(8)]).toEqual([where, '01']);
          expect([where, end]).toEqual([where, lastDayOfMonth(end)]);
        }
        if (window.precision === 'year') {
          expect([where, start.slice(4)]).toEqual([where, '-01-01']);
          // A year window may end earlier only where it reaches past the phase, with a note saying why.
          const derived = milestoneByKey.get(where)?.notes?.some((n) => n.kind === 'derived') && end === plan.partnership.deadline;
          if (!derived) expect([where, end.slice(4)]).toEqual([where, '-12-31']);
        }
      }
    });

    it('gives a day precision only where the source names a day', () => {
      for (const { where, window } of allWindows()) {
        if (window.precision === 'day') expect([where, /\b\d{1,2}(st|nd|rd|th)?\s+[a-z]+\s+\d{4}\b/i.test(window.text)]).toEqual([where, true]);
      }
    });

    it('marks as tentative exactly the items the plan marks TBC / possibly / tentative', () => {
      const items: Array<{ key: string; text: string; tentative: boolean }> = [
        ...milestones.map((m) => ({ key: m.key, text: `${m.title} ${m.window.text}`, tentative: m.tentative })),
        ...outputs.map((o) => ({ key: o.key, text: `${o.title} ${o.due?.text ?? ''}`, tentative: o.tentative })),
      ];
      for (const item of items) {
        const marked = /\btbc\b|possibly|tentative|to be confirmed/i.test(item.text);
        expect([item.key, item.tentative]).toEqual([item.key, marked]);
      }
    });

    it('reads a hand-picked sample exactly', () => {
      const expectWindow = (key: string, start: string, end: string, precision: string): void => {
        const m = milestoneByKey.get(key);
        expect(m).toBeDefined();
        expect([key, m?.window.start, m?.window.end, m?.window.precision]).toEqual([key, start, end, precision]);
      };
      const expectAlternative = (key: string, source: string, start: string, end: string, precision: string): void => {
        const alt = milestoneByKey.get(key)?.alternatives.find((a) => a.source === source);
        expect(alt).toBeDefined();
        expect([key, alt?.start, alt?.end, alt?.precision]).toEqual([key, start, end, precision]);
      };

      // Action 1
      expectWindow('a1-virtual-exchange-1', '2025-06-01', '2025-06-30', 'month');
      expectAlternative('a1-virtual-exchange-1', 'Annex 1', '2025-05-01', '2025-06-30', 'month');
      expectWindow('a1-virtual-exchange-2', '2025-10-01', '2025-12-31', 'month');
      expectWindow('a1-capacity-building-dissemination', '2026-01-01', '2026-12-31', 'year');
      // Action 2
      expectWindow('a2-mapping-draft', '2025-07-01', '2025-09-30', 'month');
      expectWindow('a2-recommendations-develop', '2026-01-01', '2026-02-28', 'month');
      expectWindow('a2-mapping-capacity-building', '2026-01-01', '2026-12-31', 'year');
      // Action 3 (known conflict: 2.6.9 "June - October 2025" vs Annex 1 "April - June 2025")
      expectWindow('a3-self-assessment-preparation', '2025-06-01', '2025-10-31', 'month');
      expectAlternative('a3-self-assessment-preparation', 'Annex 1', '2025-04-01', '2025-06-30', 'month');
      expectWindow('a3-survey-dissemination', '2025-11-01', '2026-02-28', 'month');
      expectWindow('a3-capacity-building-test', '2027-01-01', '2027-03-31', 'month');
      // Action 4 (known conflict: 2.7.9 "June-December 2025" vs intermediary timeline "June 2025-April 2026")
      expectWindow('a4-collection-of-practices', '2025-06-01', '2025-12-31', 'month');
      expectAlternative('a4-collection-of-practices', '2.7 intermediary timeline', '2025-06-01', '2026-04-30', 'month');
      expectWindow('a4-study-visit', '2025-10-01', '2025-10-31', 'month');
      expectAlternative('a4-study-visit', '2.7 intermediary timeline', '2025-09-01', '2025-10-31', 'month');
      expectWindow('a4-ceb-support', '2025-06-01', '2026-12-31', 'month');
    });

    it('is read from its words by the same parser the edit forms and the import use', () => {
      // A step written without a year ("June-July") takes its activity's year.
      const checks: Array<{ where: string; window: SeedWindow; year: number | undefined }> = [];
      const visit = (m: SeedMilestone, year: number | undefined): void => {
        checks.push({ where: m.key, window: m.window, year });
        m.alternatives.forEach((alt, i) => checks.push({ where: `${m.key} alternative ${i}`, window: alt, year }));
        const own = m.window.start ? Number(m.window.start.slice(0, 4)) : year;
        m.children.forEach((child) => visit(child, own));
      };
      plan.actions.forEach((action) => action.milestones.forEach((m) => visit(m, undefined)));
      outputs.forEach((o) => o.due && checks.push({ where: o.key, window: o.due, year: undefined }));
      expect(checks.length).toBeGreaterThan(50);
      for (const { where, window, year } of checks) {
        const result = readWindowText(window.text, { defaultYear: year });
        const read = result.ok ? { start: result.reading.start, end: result.reading.end, precision: result.reading.precision } : result.reason;
        // The one exception: a year window reaching past the phase is stored as ending at the deadline, with a note.
        const capped = milestoneByKey.get(where)?.notes?.some((n) => n.kind === 'derived') && window.end === plan.partnership.deadline;
        const end = capped ? `${window.text.slice(-4)}-12-31` : window.end;
        const expected = { start: window.start, end, precision: window.precision };
        expect([where, window.text, read]).toEqual([where, window.text, expected]);
      }
    });

    it('marks the tentative study visit output of Action 1', () => {
      const studyVisit = outputs.find((o) => o.key === 'a1-out-study-visit');
      expect(studyVisit?.tentative).toBe(true);
      expect(studyVisit?.due).toBeNull();
    });
  });

  describe('structure', () => {
    it('has the four Actions with the phase deadline', () => {
      expect(plan.actions.map((a) => [a.number, a.shortName])).toEqual([
        [1, 'Labour'],
        [2, 'Education'],
        [3, 'Disinformation'],
        [4, 'Funds'],
      ]);
      expect(plan.partnership.deadline).toBe('2027-03-31');
      for (const a of plan.actions) {
        expect(a.deadline).toBe('2027-03-31');
        expect(a.coLeaders).toHaveLength(2);
        expect(a.governanceLevels.length).toBeGreaterThan(0);
        expect(a.risks).toHaveLength(1);
        expect(a.milestones.length).toBeGreaterThan(0);
        expect(a.outputs.length).toBeGreaterThan(0);
        expect([null, 'Better Regulation', 'Better Funding', 'Better Knowledge']).toContain(a.pillar);
      }
      expect(plan.actions.filter((a) => a.pillar === null).map((a) => a.number)).toEqual([3]);
    });

    it('names the coordinators and the 35 members of the current phase', () => {
      expect(plan.partnership.coordinators).toEqual(['dg-home', 'amsterdam']);
      expect(plan.partnership.members).toHaveLength(35);
      for (const c of plan.partnership.coordinators) expect(plan.partnership.members).toContain(c);
    });

    it('cites a source on every record', () => {
      const sources: Array<[string, string]> = [
        ['partnership', plan.partnership.source],
        ...plan.organisations.map((o): [string, string] => [o.key, o.source]),
        ...plan.actions.map((a): [string, string] => [`action ${a.number}`, a.source]),
        ...milestones.map((m): [string, string] => [m.key, m.source]),
        ...milestones.flatMap((m) => m.alternatives.map((alt): [string, string] => [`${m.key} alternative`, alt.source])),
        ...outputs.map((o): [string, string] => [o.key, o.source]),
        ...plan.actions.flatMap((a) => a.targets.map((t): [string, string] => [t.key, t.source])),
        ...plan.actions.flatMap((a) => a.risks.map((r): [string, string] => [r.key, r.source])),
      ];
      for (const [where, source] of sources) expect([where, source.trim().length > 0]).toEqual([where, true]);
    });

    it('cites the right section for each Action', () => {
      for (const a of plan.actions) {
        const section = `2.${a.number + 3}`;
        expect(a.source).toBe(section);
        for (const m of allMilestones(a.milestones)) {
          expect([`${section}.9`, 'Annex 1', `${section} intermediary timeline`]).toContain(m.source);
        }
        for (const o of a.outputs) expect(o.source).toBe(`${section}.10`);
        for (const r of a.risks) expect(r.source).toBe(`${section}.7`);
      }
    });

    it('keeps statuses and progress out of the seed data', () => {
      const names = propertyNames(plan);
      for (const forbidden of ['status', 'progress', 'actualStart', 'actualEnd', 'done', 'completed']) {
        expect(names.has(forbidden)).toBe(false);
      }
    });
  });

  describe('corrected readings', () => {
    const notesOf = (record: { notes?: SeedNote[] }): SeedNote[] => record.notes ?? [];
    const allNotes = (): Array<{ where: string; note: SeedNote }> => [
      ...plan.partnership.notes.map((note) => ({ where: 'partnership', note })),
      ...plan.organisations.flatMap((o) => notesOf(o).map((note) => ({ where: o.key, note }))),
      ...milestones.flatMap((m) => notesOf(m).map((note) => ({ where: m.key, note }))),
      ...outputs.flatMap((o) => notesOf(o).map((note) => ({ where: o.key, note }))),
    ];

    it('quotes the plan exactly wherever a note quotes it, and cites a section', () => {
      expect(allNotes().length).toBeGreaterThan(10);
      for (const { where, note } of allNotes()) {
        expect([where, note.source.trim().length > 0, note.text.trim().length > 0]).toEqual([where, true, true]);
        for (const [, quoted] of note.text.matchAll(/"([^"]+)"/g)) expectInSource(quoted, `quotation in a note on ${where}`);
      }
    });

    it('never lets a year alone end after the phase deadline', () => {
      for (const { where, window } of allWindows()) {
        if (window.precision === 'year' && window.end !== null) {
          expect([where, window.end <= plan.partnership.deadline]).toEqual([where, true]);
        }
      }
      const capacity = milestoneByKey.get('a3-capacity-building');
      expect(capacity?.window).toEqual({ text: '2026 - 2027', start: '2026-01-01', end: '2027-03-31', precision: 'year' });
      expect(notesOf(capacity ?? {}).map((n) => [n.kind, n.source])).toEqual([['derived', '2.6, 2.6.9, 5']]);
    });

    it('notes every parent whose own window ends before one of its steps', () => {
      const endsBeforeSteps = milestones.filter(
        (m) =>
          m.window.end !== null &&
          m.children.some((c) => c.source !== 'Annex 1' && c.window.end !== null && (c.window.end as string) > (m.window.end as string)),
      );
      expect(endsBeforeSteps.map((m) => m.key).sort()).toEqual(['a2-mapping', 'a3-self-assessment', 'a4-collection-of-practices']);
      for (const m of endsBeforeSteps) {
        expect([m.key, notesOf(m).filter((n) => n.kind === 'inconsistency' && n.source === m.source).length]).toEqual([m.key, 1]);
        expect(m.window.text.length).toBeGreaterThan(0);
      }
    });

    it('marks every step found only in Annex 1 as such', () => {
      const annexOnly = milestones.filter((m) => m.source === 'Annex 1');
      expect(annexOnly.map((m) => m.key)).toEqual(['a3-annex1-guidance-dissemination', 'a3-annex1-evaluation-recommendations']);
      for (const m of annexOnly) expect([m.key, notesOf(m).map((n) => n.kind)]).toEqual([m.key, ['annex_only']]);
      for (const m of milestones.filter((x) => x.source !== 'Annex 1'))
        expect([m.key, notesOf(m).some((n) => n.kind === 'annex_only')]).toEqual([m.key, false]);
    });

    it('derives the due window of the outputs the plan ties to dated milestones, and keeps "tbc" for the study visit', () => {
      const windows = new Map(milestones.map((m) => [m.key, m.window]));
      const undated = outputs.filter((o) => o.due === null && o.milestoneKeys.length > 0 && o.milestoneKeys.every((k) => windows.get(k)?.start));
      expect(undated.filter((o) => !o.deriveDueFromMilestones).map((o) => o.key)).toEqual([]);
      const exchanges = outputs.filter((o) => o.key === 'a1-out-virtual-exchanges' || o.key === 'a1-out-outcomes-reports');
      expect(exchanges.map((o) => [o.key, dueOf(o, windows)])).toEqual([
        ['a1-out-virtual-exchanges', { start: '2025-06-01', end: '2025-12-31', precision: 'month' }],
        // Each report follows its exchange: the last one after the exchange of October - December 2025.
        ['a1-out-outcomes-reports', { start: '2025-07-01', end: '2026-01-31', precision: 'month' }],
      ]);
      for (const o of exchanges) expect([o.key, notesOf(o).map((n) => n.kind)]).toEqual([o.key, ['derived']]);
      const studyVisit = outputs.find((o) => o.key === 'a1-out-study-visit') as SeedOutput;
      expect(dueOf(studyVisit, windows)).toEqual({ start: null, end: null, precision: 'unknown' });
    });

    it('gives no output due words of its own (2.x.10 has no dates) and says which step each borrowed window comes from', () => {
      expect(outputs.filter((o) => o.due !== null).map((o) => o.key)).toEqual([]);
      const windows = new Map(milestones.map((m) => [m.key, m.window]));
      const borrowed = outputs.filter((o) => o.deriveDueFromMilestones);
      expect(borrowed).toHaveLength(14);
      for (const o of borrowed) {
        const derived = notesOf(o).filter((n) => n.kind === 'derived');
        expect([o.key, derived.length, derived[0]?.source.includes(o.source)]).toEqual([o.key, 1, true]);
        for (const key of o.dueFrom ?? o.milestoneKeys) {
          const step = milestoneByKey.get(key) as SeedMilestone;
          expect([o.key, o.milestoneKeys.includes(key)]).toEqual([o.key, true]);
          // The step by name, its section, and its words as the step's.
          expect([o.key, derived[0].text]).toEqual([o.key, expect.stringContaining(`"${step.title}"`)]);
          expect([o.key, derived[0].text]).toEqual([o.key, expect.stringContaining(`"${step.window.text}"`)]);
          expect([o.key, derived[0].source]).toEqual([o.key, expect.stringContaining(step.source)]);
        }
        expect([o.key, dueOf(o, windows).end]).not.toEqual([o.key, null]);
      }
      const guidelines = outputs.find((o) => o.key === 'a3-out-guidelines') as SeedOutput;
      expect(dueOf(guidelines, windows)).toEqual({ start: '2026-09-01', end: '2026-12-31', precision: 'month' });
    });

    it('models communication, which runs throughout, as ongoing to the deadline', () => {
      const communication = outputs.filter((o) => o.title.startsWith('Social media posts'));
      expect(communication.map((o) => [o.key, o.ongoing])).toEqual([
        ['a2-out-communication', true],
        ['a4-out-communication', true],
      ]);
      for (const action of plan.actions) {
        const windows = new Map(allMilestones(action.milestones).map((m) => [m.key, m.window]));
        for (const o of action.outputs.filter((x) => x.ongoing)) {
          expect([o.key, dueOf(o, windows, action.deadline)]).toEqual([
            o.key,
            { start: action.number === 2 ? '2025-05-01' : '2025-06-01', end: '2027-03-31', precision: 'ongoing' },
          ]);
          expect([o.key, notesOf(o).map((n) => n.kind)]).toEqual([o.key, ['derived']]);
        }
      }
    });

    it('keeps potential stakeholders apart from those taking part, and says where each role comes from', () => {
      expect(plan.actions.map((a) => [a.number, a.externalStakeholders, a.potentialStakeholders ?? []])).toEqual([
        [1, [], ['oecd']],
        [2, ['sirius-network'], ['iom', 'unhcr', 'unicef', 'ilo']],
        [3, ['cemr', 'expert-group-views-of-migrants'], []],
        [4, ['european-commission'], []],
      ]);
      const stakeholders = new Set(plan.actions.flatMap((a) => [...a.externalStakeholders, ...(a.potentialStakeholders ?? [])]));
      for (const key of stakeholders) {
        const org = plan.organisations.find((o) => o.key === key);
        expect([key, (org?.notes ?? []).filter((n) => n.kind === 'reading').length > 0]).toEqual([key, true]);
      }
    });

    it('turns every judgement on a name into a reading note users see', () => {
      const reading = (key: string) => (plan.organisations.find((o) => o.key === key)?.notes ?? []).filter((n) => n.kind === 'reading');
      for (const [key, words, section] of [
        ['bologna', 'ASP Bologna', '2.7.8'],
        ['cemr', 'Council of European local and regional authorities', '2.6.8'],
        ['italy', 'Italian Ministry of Labour', '2.4.8'],
        ['committee-of-the-regions', 'both as co-leader', '2.5.8'],
        ['expert-group-views-of-migrants', 'both among the members', '2.6.8'],
        ['basque-government', 'among the cities', '1.2.2'],
        ['catalonia', 'among the cities', '1.2.2'],
        ['sardinia', 'among the cities', '1.2.2'],
      ]) {
        expect([key, reading(key).some((n) => n.text.includes(words) && n.source.includes(section))]).toEqual([key, true]);
      }
    });

    it('holds one risk per Action with the two causes and the mitigation the plan names', () => {
      for (const a of plan.actions) {
        expect(a.risks.map((r) => [r.title, r.causes])).toEqual([
          ['Members do not meet the objectives', ['inactive participation in the group', 'a delay in the implementation of activities']],
        ]);
      }
    });

    it('has the Secretariat of section 2.x.6 as an organisation, not a member', () => {
      const secretariat = plan.organisations.find((o) => o.key === plan.partnership.secretariat);
      expect(secretariat?.name).toBe('The Inclusion Partnership Secretariat');
      expect(notesOf(secretariat ?? {})[0]?.text).toContain('HOME-AMIF-TF2-FW-MIGR-4009 implementing Framework Contract EAC-2022-OP-0002');
      expectInSource('The Inclusion Partnership Secretariat under the Specific Contract HOME-AMIF-TF2-FW-MIGR-4009', 'the Secretariat');
      expect(plan.partnership.members).not.toContain(plan.partnership.secretariat);
    });

    it('names no co-leader again as an external stakeholder, and no network for its members', () => {
      for (const a of plan.actions) {
        expect([a.number, a.externalStakeholders.filter((k) => a.coLeaders.includes(k))]).toEqual([a.number, []]);
      }
      expect(plan.actions[2].externalStakeholders).toEqual(['cemr', 'expert-group-views-of-migrants']);
      expect(plan.actions[2].stakeholderNotes[0]).toMatch(/^Assembly of the Regions members, Eurocities members/);
    });

    it('keeps no alias that is a text-extraction artefact or too generic to name anyone', () => {
      const aliases = plan.organisations.flatMap((o) => o.aliases);
      expect(aliases.filter((a) => /francgaise|frangaise/i.test(a))).toEqual([]);
      expect(aliases.filter((a) => ['expert group', 'secretariat', 'members'].includes(a.toLowerCase()))).toEqual([]);
    });

    it('types Flanders as Table 1 does, with a note', () => {
      const flanders = plan.organisations.find((o) => o.key === 'flanders');
      expect(flanders?.type).toBe('national_government');
      expect(notesOf(flanders ?? {}).map((n) => [n.kind, n.source])).toEqual([['reading', '1.2.2']]);
    });

    it("states the plan's own disagreement on the number of members", () => {
      const disagreement = plan.partnership.notes.find((n) => n.kind === 'inconsistency');
      expect(disagreement?.text).toContain('"The 36 members of the partnership"');
      expect(disagreement?.text).toContain('"a total of 35 organisations represented (see Table 1)"');
      expect(disagreement?.source).toBe('Executive summary, 1.2.3');
    });
  });
});
