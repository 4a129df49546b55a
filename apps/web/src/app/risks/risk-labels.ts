import type { ActionRag, Rag, RiskItem, RiskKind, RiskSeverity } from '@tracker/contracts';
import { RISK_KIND_LABELS } from '@tracker/schedule';

/** Words for every colour: the risk page never relies on colour alone. */
export const RAG_LABELS: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };
export const SEVERITY_LABELS: Record<RiskSeverity, string> = { high: 'High', medium: 'Medium', low: 'Low' };
export const KIND_LABELS: Readonly<Record<RiskKind, string>> = RISK_KIND_LABELS;

export interface RiskFilter {
  asOf: string | null;
  action: number | null;
  /** The approved version to compare with (items that slipped against it are listed), or null. */
  baseline: number | null;
}

/** `?asOf=yyyy-MM-dd&action=N&baseline=N` from the URL; anything else is ignored. */
export function parseRiskFilter(params: { asOf?: string | null; action?: string | null; baseline?: string | null }): RiskFilter {
  const asOf = params.asOf && /^\d{4}-\d{2}-\d{2}$/.test(params.asOf) ? params.asOf : null;
  const action = params.action && /^\d{1,4}$/.test(params.action) ? Number(params.action) : null;
  const baseline = params.baseline && /^[1-9]\d{0,8}$/.test(params.baseline) ? Number(params.baseline) : null;
  return { asOf, action, baseline };
}

export function filterRisks(items: readonly RiskItem[], actions: readonly ActionRag[], filter: RiskFilter): { items: RiskItem[]; actions: ActionRag[] } {
  if (filter.action === null) {
    return { items: [...items], actions: [...actions] };
  }
  return { items: items.filter((i) => i.actionNumber === filter.action), actions: actions.filter((a) => a.number === filter.action) };
}

/** How many risks of each kind, in the view's order, for the summary line. */
export function countByKind(items: readonly RiskItem[]): { kind: RiskKind; label: string; count: number }[] {
  return (Object.keys(KIND_LABELS) as RiskKind[]).map((kind) => ({ kind, label: KIND_LABELS[kind], count: items.filter((i) => i.kind === kind).length }));
}

/** "31 Mar 2027" for a calendar date, without a Date (no time zone can move it). */
export function formatDay(date: string | null): string {
  if (!date) return '—';
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${months[Number(m) - 1]} ${y}`;
}
