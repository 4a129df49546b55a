import { IMPLEMENTATION_STAGE_LABELS, type ProgressReport, type ReportAction } from '@tracker/contracts';
import { inWords } from './report-dates';

/** A piece of a line: plain words, or words linking somewhere. */
export type Part = string | { text: string; href: string };

/**
 * The report as a list of blocks, drawn the same way by the DOCX and the PDF writers, so both
 * files say the same thing in the same order.
 */
export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'text'; parts: Part[] }
  | { kind: 'bullet'; parts: Part[]; indent?: 1 };

const text = (...parts: Part[]): Block => ({ kind: 'text', parts });
const bullet = (...parts: Part[]): Block => ({ kind: 'bullet', parts });
const heading = (level: 1 | 2, words: string): Block => ({ kind: 'heading', level, text: words });
const status = (value: string) => value.replace(/_/g, ' ');

/** "between 15 Feb 2027 and 31 Mar 2027", "by 31 Mar 2027", "not known". */
function range(earliest: string | null, latest: string | null): string {
  if (earliest === null && latest === null) {
    return 'not known (no dated steps)';
  }
  if (earliest === null || latest === null || earliest === latest) {
    return inWords((latest ?? earliest) as string);
  }
  return `between ${inWords(earliest)} and ${inWords(latest)}`;
}

export function reportTitle(report: ProgressReport): string {
  return report.kind === 'final' ? `Final report: ${report.partnership.name}` : `Progress report: ${report.partnership.name}`;
}

export function reportBlocks(report: ProgressReport): Block[] {
  const blocks: Block[] = [
    { kind: 'title', text: reportTitle(report) },
    text(
      report.kind === 'final'
        ? `The whole phase, ${inWords(report.from)} to the deadline, ${inWords(report.to)}.`
        : `Period: ${inWords(report.from)} to ${inWords(report.to)}. Deadline of the phase: ${inWords(report.partnership.deadline)} (${report.daysToDeadline} days after ${inWords(report.asOf)}).`,
    ),
    text(
      `Ratings as of ${inWords(report.asOf)}. ` +
        (report.baseline
          ? `Slippage is measured against version ${report.baseline.number} of the plan, "${report.baseline.name}".`
          : 'No version of the plan has been approved: nothing is measured as slipped.'),
    ),
    heading(1, 'Summary'),
    ...report.actions.map((a) =>
      bullet(
        `Action ${a.number} ${a.shortName}: ${a.rag.toUpperCase()}, ${IMPLEMENTATION_STAGE_LABELS[a.stage].toLowerCase()}, expected to finish ${range(a.finish.earliestEnd, a.finish.latestEnd)}`,
      ),
    ),
  ];
  for (const action of report.actions) {
    blocks.push(...actionBlocks(action, report));
  }
  return blocks;
}

function actionBlocks(action: ReportAction, report: ProgressReport): Block[] {
  const fits = { yes: 'within the deadline', no: 'after the deadline', maybe: 'possibly after the deadline' }[action.finish.fitsDeadline];
  const blocks: Block[] = [
    heading(1, `Action ${action.number}: ${action.shortName}`),
    text(action.title),
    text(`Rating: ${action.rag.toUpperCase()}. Stage of implementation: ${IMPLEMENTATION_STAGE_LABELS[action.stage]}.`),
    ...action.reasons.map((reason) => bullet(reason)),
    text(`Expected finish: ${range(action.finish.earliestEnd, action.finish.latestEnd)}, ${fits}.`),
    heading(2, report.kind === 'final' ? 'Delivered during the phase' : 'Delivered in the period'),
  ];
  if (action.delivered.length === 0) {
    blocks.push(text('Nothing delivered.'));
  }
  for (const item of action.delivered) {
    blocks.push(bullet(`${item.itemType === 'output' ? 'Output' : 'Step'} "${item.title}", delivered ${inWords(item.deliveredOn)}`));
    if (item.evidence.length === 0) {
      blocks.push({ kind: 'bullet', indent: 1, parts: ['No evidence attached.'] });
    }
    for (const evidence of item.evidence) {
      const parts: Part[] =
        evidence.href === null
          ? [`No file or link: ${evidence.title}`]
          : [`Evidence (${evidence.kind}): `, { text: evidence.title, href: evidence.href }, ` (${evidence.href})`];
      blocks.push({ kind: 'bullet', indent: 1, parts });
    }
  }
  blocks.push(heading(2, report.baseline ? `Slipped against version ${report.baseline.number}` : 'Slipped against the approved plan'));
  if (action.slipped.length === 0) {
    blocks.push(text(report.baseline ? 'Nothing slipped.' : 'No approved version to compare with.'));
  }
  action.slipped.forEach((slip) => blocks.push(bullet(`${slip.title}: ${slip.words}`)));
  blocks.push(heading(2, 'Risks and their mitigation'));
  if (action.risks.length === 0) {
    blocks.push(text('No risks in the register.'));
  }
  for (const risk of action.risks) {
    const scores = [risk.likelihood === null ? null : `likelihood ${risk.likelihood}/5`, risk.impact === null ? null : `impact ${risk.impact}/5`]
      .filter(Boolean)
      .join(', ');
    blocks.push(bullet(`${risk.title} (${risk.status}${scores ? `, ${scores}` : ''}${risk.owner ? `, owner ${risk.owner}` : ''})`));
    blocks.push({ kind: 'bullet', indent: 1, parts: [`Mitigation: ${risk.mitigation || 'none recorded'}`] });
  }
  blocks.push(heading(2, 'Decisions and follow-ups of the monitoring calls'));
  if (action.calls.length === 0) {
    blocks.push(text('No monitoring call covered this Action in the period.'));
  }
  for (const call of action.calls) {
    blocks.push(bullet(`Call of ${inWords(call.heldOn)}: ${call.decisions ? `decided ${call.decisions}` : 'no decisions recorded'}`));
    for (const f of call.followUps) {
      const owner = f.owner ? `, owner ${f.owner}` : '';
      blocks.push({
        kind: 'bullet',
        indent: 1,
        parts: [`${f.done ? 'Done' : 'Follow-up'}: ${f.what}${owner}${f.dueDate ? `, due ${inWords(f.dueDate)}` : ''}`],
      });
    }
  }
  blocks.push(heading(2, `What remains before ${inWords(report.partnership.deadline)}`));
  if (action.remaining.length === 0) {
    blocks.push(text('Nothing remains: every step and output is done, delivered or cancelled.'));
  }
  for (const item of action.remaining) {
    blocks.push(
      bullet(
        `${item.title} (${item.itemType === 'output' ? 'output' : 'step'}, ${status(item.status)}${item.windowText ? `, planned ${item.windowText}` : ''}): expected to end ${range(item.earliestEnd, item.latestEnd)}`,
      ),
    );
  }
  return blocks;
}

/** The plain words of a line. */
export function partsText(parts: Part[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : part.text)).join('');
}
