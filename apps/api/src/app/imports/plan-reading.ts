import {
  PLAN_IMPORT_COLUMNS,
  PLAN_IMPORT_ROW_TYPES,
  type PlanImportColumn,
  type PlanImportProblem,
  type PlanImportRow,
  type PlanImportRowType,
  type PlanImportSummary,
  type PlanImportWindow,
} from '@tracker/contracts';
import { findCycle, readWindowText, type WindowReading } from '@tracker/schedule';
import type { SheetText } from './plan-sheet';

/** Columns a sheet must have; the others may be left out. */
const REQUIRED_COLUMNS: readonly PlanImportColumn[] = ['Action', 'Type', 'Title', 'Window'];

/** Longest texts the tables hold. */
const MAX = { title: 2000, actionTitle: 300, organisation: 200 } as const;

/** An Action as read from the sheet. */
export interface ReadAction {
  number: number;
  title: string;
  /** Row where the Action is first named. */
  row: number;
  activities: ReadMilestone[];
  outputs: { row: number; title: string; window: WindowReading | null; tentative: boolean; parentRow: number | null }[];
  coLeaders: string[];
  members: string[];
}

export interface ReadMilestone {
  row: number;
  title: string;
  window: WindowReading;
  tentative: boolean;
  steps: ReadMilestone[];
}

/** Everything the sheet says, how each row was read, and every problem. */
export interface PlanReading {
  rows: PlanImportRow[];
  problems: PlanImportProblem[];
  actions: ReadAction[];
  /** Organisations named by co-leader and member rows: name as first written, with its country where given. */
  organisations: { name: string; country: string | null }[];
  /** The finish-to-start links the `Depends on` column states, between the rows of their items. */
  links: ReadLink[];
}

export interface ReadLink {
  predecessorRow: number;
  successorRow: number;
  lagMonths: number;
}

/** One reference of a `Depends on` cell: its title, after "Action 2: " for another Action's item, before "(+2 months)" for a lag. */
const REFERENCE = /^(?:action\s+(\d{1,2})\s*:\s*)?(.*?)(?:\s*\(\s*\+\s*(\d{1,3})\s*months?\s*\))?$/i;

/** The key an organisation name is matched by: case, accents' composition and spacing do not matter. */
export function organisationKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
}

const TRUE_WORDS = new Set(['yes', 'y', 'true', 'x', '1', 'tentative', 'tbc']);
const FALSE_WORDS = new Set(['', 'no', 'n', 'false', '0']);

const problemText = (row: number | null, column: string | null, text: string): string =>
  [row === null ? null : `row ${row}`, column === null ? null : `column "${column}"`].filter(Boolean).join(', ') +
  (row === null && column === null ? text : `: ${text}`);

/**
 * Reads the rows of a plan sheet (see the template): one row per activity, step, output, co-leader
 * or member, in plan order. Every window goes through `readWindowText`, the reader of the edit forms;
 * a step's window without a year takes its activity's year when the activity lies within one year.
 */
export function readPlanSheet(sheet: SheetText): PlanReading {
  const problems: PlanImportProblem[] = [];
  const problem = (row: number | null, column: string | null, text: string): PlanImportProblem => {
    const found = { row, column, message: problemText(row, column, text) };
    problems.push(found);
    return found;
  };
  const reading: PlanReading = { rows: [], problems, actions: [], organisations: [], links: [] };
  const meaningful = sheet.rows.filter((r) => r.cells.some((cell) => cell.trim() !== ''));
  const [header, ...body] = meaningful;
  // Problems of single cells (a date where words were expected), named by their column's header.
  const cellProblems = sheet.problems.map((cell) => {
    const name = cell.column === null ? null : header?.cells[cell.column - 1]?.trim() || `column ${cell.column}`;
    return problem(cell.row, name, cell.message);
  });
  if (!header) {
    if (sheet.problems.length === 0) {
      problem(null, null, 'the sheet is empty: fill in the template, one row per activity, step, output, co-leader or member');
    }
    return reading;
  }
  // The header row: which column is where.
  const at = new Map<PlanImportColumn, number>();
  header.cells.forEach((cell, index) => {
    const name = cell.trim();
    if (name === '') {
      return;
    }
    const column = PLAN_IMPORT_COLUMNS.find((c) => c.toLowerCase() === name.toLowerCase());
    if (!column) {
      problem(header.row, name, `not a column of the template (${PLAN_IMPORT_COLUMNS.join(', ')})`);
    } else if (at.has(column)) {
      problem(header.row, name, 'the column is there twice');
    } else {
      at.set(column, index);
    }
  });
  const missing = REQUIRED_COLUMNS.filter((c) => !at.has(c));
  for (const column of missing) {
    problem(header.row, column, `the column is missing; the first row names the columns (${PLAN_IMPORT_COLUMNS.join(', ')})`);
  }
  if (missing.length > 0) {
    return reading;
  }
  if (body.length === 0) {
    problem(null, null, 'the sheet has a header row and nothing else: add one row per activity, step, output, co-leader or member');
    return reading;
  }

  const actions = new Map<number, ReadAction>();
  const activityByTitle = new Map<string, { action: number; milestone: ReadMilestone }>();
  const pendingSteps: { row: PlanImportRow; action: number; milestone: Omit<ReadMilestone, 'window'> & { words: string } }[] = [];
  const pendingOutputs: { row: PlanImportRow; action: number; output: ReadAction['outputs'][number]; parent: string }[] = [];
  const organisations = new Map<string, { name: string; country: string | null; row: number }>();
  const pendingLinks: { row: PlanImportRow; action: number }[] = [];

  for (const line of body) {
    const cell = (column: PlanImportColumn): string => {
      const index = at.get(column);
      return index === undefined ? '' : (line.cells[index] ?? '').trim().replace(/\s+/g, ' ');
    };
    const row: PlanImportRow = {
      row: line.row,
      action: null,
      actionTitle: cell('Action title') || null,
      type: null,
      parent: cell('Parent') || null,
      title: cell('Title') || null,
      window: null,
      tentative: false,
      organisation: cell('Organisation') || null,
      country: cell('Country') ? cell('Country').toUpperCase() : null,
      organisationExists: null,
      // One reference a line, each line's spacing as the other cells'.
      dependsOn: (line.cells[at.get('Depends on') ?? -1] ?? '')
        .split(/\r\n|\r|\n/)
        .map((reference) => reference.trim().replace(/\s+/g, ' '))
        .filter((reference) => reference !== ''),
      problems: [],
    };
    reading.rows.push(row);
    const rowProblem = (column: PlanImportColumn | null, text: string): void => {
      row.problems.push(problem(line.row, column, text).message);
    };

    const actionText = cell('Action');
    if (!/^\d{1,2}$/.test(actionText) || Number(actionText) < 1) {
      rowProblem('Action', actionText === '' ? 'the Action number is missing' : `"${actionText}" is not an Action number (1 to 99)`);
    } else {
      row.action = Number(actionText);
    }
    const typeText = cell('Type').toLowerCase();
    if (!(PLAN_IMPORT_ROW_TYPES as readonly string[]).includes(typeText)) {
      rowProblem(
        'Type',
        typeText === '' ? `the type is missing: ${PLAN_IMPORT_ROW_TYPES.join(', ')}` : `"${cell('Type')}" is not one of ${PLAN_IMPORT_ROW_TYPES.join(', ')}`,
      );
    } else {
      row.type = typeText as PlanImportRowType;
    }
    const tentativeText = cell('Tentative').toLowerCase();
    const markedTentative = TRUE_WORDS.has(tentativeText);
    if (!markedTentative && !FALSE_WORDS.has(tentativeText)) {
      rowProblem('Tentative', `"${cell('Tentative')}" is neither yes nor no (leave it empty for no)`);
    }
    if (row.actionTitle !== null && row.actionTitle.length > MAX.actionTitle) {
      rowProblem('Action title', `longer than ${MAX.actionTitle} characters`);
    }

    let action: ReadAction | undefined;
    if (row.action !== null) {
      action = actions.get(row.action);
      if (!action) {
        action = { number: row.action, title: row.actionTitle ?? '', row: line.row, activities: [], outputs: [], coLeaders: [], members: [] };
        actions.set(row.action, action);
      } else if (row.actionTitle !== null) {
        if (action.title === '') {
          action.title = row.actionTitle;
        } else if (action.title !== row.actionTitle) {
          rowProblem('Action title', `Action ${row.action} is called "${action.title}" on an earlier row`);
        }
      }
    }

    const windowText = cell('Window');
    const readWindow = (defaultYear?: number): WindowReading | null => {
      const result = readWindowText(windowText, defaultYear === undefined ? {} : { defaultYear });
      if (!result.ok) {
        rowProblem('Window', `cannot read "${windowText}" (${result.reason})`);
        return null;
      }
      row.window = windowOf(result.reading);
      row.tentative = markedTentative || result.reading.tentative;
      return result.reading;
    };
    const needTitle = (): string | null => {
      if (row.title === null) {
        rowProblem('Title', `the title of the ${row.type} is missing`);
        return null;
      }
      if (row.title.length > MAX.title) {
        rowProblem('Title', `longer than ${MAX.title} characters`);
        return null;
      }
      return row.title;
    };
    const needWindow = (): boolean => {
      if (windowText === '') {
        rowProblem('Window', `the window is missing: write it as the plan does, e.g. "October - December 2025", or "tbd"`);
        return false;
      }
      return true;
    };
    row.tentative = markedTentative;
    if (row.dependsOn.length > 0) {
      if (row.type === 'co-leader' || row.type === 'member') {
        rowProblem('Depends on', `a ${row.type} row names an organisation only: leave Depends on empty`);
      } else if (row.action !== null && row.title !== null) {
        pendingLinks.push({ row, action: row.action });
      }
    }

    switch (row.type) {
      case 'activity': {
        const title = needTitle();
        const window = needWindow() ? readWindow() : null;
        if (row.parent !== null) {
          rowProblem('Parent', 'an activity has no parent: leave the column empty (a step names its activity there)');
        }
        if (title && action) {
          const key = `${action.number}\u0000${title.toLowerCase()}`;
          if (activityByTitle.has(key)) {
            rowProblem(
              'Title',
              `Action ${action.number} has another activity called "${title}" (row ${activityByTitle.get(key)!.milestone.row}): a step could not say which one it belongs to`,
            );
          } else if (window) {
            const milestone: ReadMilestone = { row: line.row, title, window, tentative: row.tentative, steps: [] };
            action.activities.push(milestone);
            activityByTitle.set(key, { action: action.number, milestone });
          }
        }
        break;
      }
      case 'step': {
        const title = needTitle();
        if (row.parent === null) {
          rowProblem('Parent', 'a step names its activity (its title) in the Parent column');
        }
        if (needWindow() && title && row.parent !== null && row.action !== null) {
          pendingSteps.push({ row, action: row.action, milestone: { row: line.row, title, words: windowText, tentative: markedTentative, steps: [] } });
        } else if (windowText !== '') {
          readWindow();
        }
        break;
      }
      case 'output': {
        const title = needTitle();
        const window = windowText === '' ? null : readWindow();
        if (title && action && (windowText === '' || window)) {
          const output = { row: line.row, title, window, tentative: row.tentative, parentRow: null };
          action.outputs.push(output);
          if (row.parent !== null) {
            pendingOutputs.push({ row, action: action.number, output, parent: row.parent });
          }
        }
        break;
      }
      case 'co-leader':
      case 'member': {
        if (row.organisation === null) {
          rowProblem('Organisation', `the name of the ${row.type} is missing`);
        } else if (row.organisation.length > MAX.organisation) {
          rowProblem('Organisation', `longer than ${MAX.organisation} characters`);
        }
        if (row.country !== null && !/^[A-Z]{2}$/.test(row.country)) {
          rowProblem('Country', `"${cell('Country')}" is not a two-letter country code such as BE or IT`);
        }
        if (row.title !== null || windowText !== '') {
          rowProblem(row.title !== null ? 'Title' : 'Window', `a ${row.type} row names an organisation only: leave Title and Window empty`);
        }
        if (row.organisation !== null && action && row.organisation.length <= MAX.organisation) {
          const key = organisationKey(row.organisation);
          const known = organisations.get(key);
          if (!known) {
            organisations.set(key, { name: row.organisation, country: row.country, row: line.row });
          } else if (row.country !== null && known.country !== null && known.country !== row.country) {
            rowProblem('Country', `"${row.organisation}" is in ${known.country} on row ${known.row}`);
          } else if (known.country === null) {
            known.country = row.country;
          }
          const list = row.type === 'co-leader' ? action.coLeaders : action.members;
          if (list.includes(key) || (row.type === 'member' && action.coLeaders.includes(key))) {
            rowProblem('Organisation', `"${row.organisation}" is already a ${list.includes(key) ? row.type : 'co-leader'} of Action ${action.number}`);
          } else {
            list.push(key);
          }
        }
        break;
      }
      default:
        break;
    }
  }

  for (const found of cellProblems) {
    reading.rows.find((row) => row.row === found.row)?.problems.push(found.message);
  }

  // Steps and outputs name their activity by title: read once every activity is known.
  for (const { row, action, milestone } of pendingSteps) {
    const parent = activityByTitle.get(`${action}\u0000${(row.parent ?? '').toLowerCase()}`);
    if (!parent) {
      row.problems.push(problem(row.row, 'Parent', `Action ${action} has no activity called "${row.parent}"`).message);
      continue;
    }
    const { start, end } = parent.milestone.window;
    const sameYear = start !== null && end !== null && start.slice(0, 4) === end.slice(0, 4) ? Number(start.slice(0, 4)) : undefined;
    const result = readWindowText(milestone.words, sameYear === undefined ? {} : { defaultYear: sameYear });
    if (!result.ok) {
      row.problems.push(problem(row.row, 'Window', `cannot read "${milestone.words}" (${result.reason})`).message);
      continue;
    }
    row.window = windowOf(result.reading);
    row.tentative = milestone.tentative || result.reading.tentative;
    parent.milestone.steps.push({ row: milestone.row, title: milestone.title, window: result.reading, tentative: row.tentative, steps: [] });
  }
  for (const { row, action, output, parent } of pendingOutputs) {
    const found = activityByTitle.get(`${action}\u0000${parent.toLowerCase()}`);
    if (!found) {
      row.problems.push(problem(row.row, 'Parent', `Action ${action} has no activity called "${parent}"`).message);
    } else {
      (output as { parentRow: number | null }).parentRow = found.milestone.row;
    }
  }
  reading.links = readLinks(actions, pendingLinks, problem);
  for (const action of actions.values()) {
    if (action.title === '') {
      problem(action.row, 'Action title', `Action ${action.number} has no title: write it on at least one of its rows`);
    }
    action.activities.forEach((activity) => activity.steps.sort((a, b) => a.row - b.row));
  }
  reading.actions = [...actions.values()].sort((a, b) => a.number - b.number);
  reading.organisations = [...organisations.values()].map(({ name, country }) => ({ name, country }));
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  return reading;
}

/**
 * The links of the `Depends on` column, once every item is read: each reference names an activity,
 * step or output by title, in the row's Action unless written "Action N: title". A reference that
 * names no item, or more than one, is a problem of its row and column, and so is a link that would
 * make an item come after itself (directly or through others): then no link is read.
 */
function readLinks(
  actions: ReadonlyMap<number, ReadAction>,
  pending: readonly { row: PlanImportRow; action: number }[],
  problem: (row: number | null, column: string | null, text: string) => PlanImportProblem,
): ReadLink[] {
  const items = new Map<string, { row: number; title: string }[]>();
  const add = (action: number, row: number, title: string): void => {
    const key = `${action}\u0000${title.toLowerCase()}`;
    items.set(key, [...(items.get(key) ?? []), { row, title }]);
  };
  for (const action of actions.values()) {
    for (const activity of action.activities) {
      add(action.number, activity.row, activity.title);
      activity.steps.forEach((step) => add(action.number, step.row, step.title));
    }
    action.outputs.forEach((output) => add(action.number, output.row, output.title));
  }
  const itemRows = new Map([...items.values()].flat().map((item) => [item.row, item.title]));
  const find = (reference: string, action: number): { row: number; lagMonths: number } | string => {
    const [, actionText, title, lag] = REFERENCE.exec(reference) ?? [];
    const number = actionText === undefined ? action : Number(actionText);
    const found = items.get(`${number}\u0000${(title ?? reference).toLowerCase()}`) ?? [];
    if (found.length === 0) {
      return `Action ${number} has no activity, step or output called "${title ?? reference}"`;
    }
    if (found.length > 1) {
      return `Action ${number} has more than one item called "${title}" (rows ${found.map((f) => f.row).join(', ')}): rename one`;
    }
    return { row: found[0].row, lagMonths: lag === undefined ? 0 : Number(lag) };
  };
  const links: ReadLink[] = [];
  let complete = true;
  for (const { row, action } of pending) {
    if (!itemRows.has(row.row)) {
      continue; // The row itself was not read: its own problems say why.
    }
    const fail = (text: string): void => {
      row.problems.push(problem(row.row, 'Depends on', text).message);
      complete = false;
    };
    for (const line of row.dependsOn) {
      // A line is one reference, or several separated by ";" when it names no item as a whole.
      const whole = find(line, action);
      const parts =
        typeof whole === 'string' && line.includes(';')
          ? line
              .split(';')
              .map((part) => part.trim())
              .filter(Boolean)
          : [line];
      for (const part of parts) {
        const found = parts.length === 1 ? whole : find(part, action);
        if (typeof found === 'string') {
          fail(found);
        } else if (found.row === row.row) {
          fail(`"${part}" is this row's own item: an item cannot come after itself`);
        } else if (!links.some((l) => l.predecessorRow === found.row && l.successorRow === row.row)) {
          links.push({ predecessorRow: found.row, successorRow: row.row, lagMonths: found.lagMonths });
        }
      }
    }
  }
  const cycle = findCycle(links.map((l) => ({ predecessorId: String(l.predecessorRow), successorId: String(l.successorRow) }))).map(Number);
  if (cycle.length > 0) {
    const chain = [...cycle, cycle[0]].map((r) => `"${itemRows.get(r)}" (row ${r})`).join(' comes before ');
    const found = problem(Math.min(...cycle), 'Depends on', `the links go round in a circle, so none of these can start: ${chain}`);
    for (const { row } of pending) {
      if (cycle.includes(row.row)) {
        row.problems.push(found.message);
      }
    }
    complete = false;
  }
  return complete ? links : [];
}

function windowOf(reading: WindowReading): PlanImportWindow {
  return { words: reading.words, start: reading.start, end: reading.end, precision: reading.precision, tentative: reading.tentative };
}

/** How many of each the sheet holds (the organisations to create are filled in by the service). */
export function summaryOf(reading: PlanReading, newOrganisations: string[]): PlanImportSummary {
  return {
    actions: reading.actions.length,
    activities: reading.actions.reduce((n, a) => n + a.activities.length, 0),
    steps: reading.actions.reduce((n, a) => n + a.activities.reduce((m, x) => m + x.steps.length, 0), 0),
    outputs: reading.actions.reduce((n, a) => n + a.outputs.length, 0),
    coLeaders: reading.actions.reduce((n, a) => n + a.coLeaders.length, 0),
    members: reading.actions.reduce((n, a) => n + a.members.length, 0),
    newOrganisations,
  };
}
