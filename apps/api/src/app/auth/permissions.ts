import type { AuditItemType, Role } from '@tracker/contracts';

/**
 * Who may do what: THE table. The access guard, the update services, `GET /api/auth/me` and the
 * permission-matrix test (test/permissions.spec.ts) all read it; change a rule here and nowhere else.
 */

/** What a route needs. */
export type Permission =
  /** Reading the plan: actions, milestones, outputs, organisations. Open to everyone while PUBLIC_READ is on. */
  | 'plan.read'
  /** Reading who changed what: item histories and the activity feed. */
  | 'history.read'
  | 'milestone.update'
  | 'output.update'
  /** Changing a risk of an Action's register. */
  | 'risk.update'
  /** Approving the current plan as a named version (the baseline slippage is measured against). */
  | 'plan.approve'
  /** Recording monitoring calls and their follow-ups. */
  | 'monitoring.write'
  /** Inviting people, changing and deactivating accounts, reading the mail outbox. */
  | 'accounts.manage'
  /** Creating a partnership from a spreadsheet of its plan. */
  | 'plan.import';

/**
 * How far a permission reaches: `all` items, the items of the Actions the user's organisation
 * co-leads (`own_action`), or `none`.
 */
export type Scope = 'all' | 'own_action' | 'none';

export const PERMISSIONS: Readonly<Record<Role, Readonly<Record<Permission, Scope>>>> = {
  secretariat: {
    'plan.read': 'all',
    'history.read': 'all',
    'milestone.update': 'all',
    'output.update': 'all',
    'risk.update': 'all',
    'plan.approve': 'all',
    'monitoring.write': 'all',
    'accounts.manage': 'all',
    'plan.import': 'all',
  },
  coordinator: {
    'plan.read': 'all',
    'history.read': 'all',
    'milestone.update': 'none',
    'output.update': 'none',
    'risk.update': 'none',
    'plan.approve': 'none',
    'monitoring.write': 'none',
    'accounts.manage': 'none',
    'plan.import': 'none',
  },
  co_leader: {
    'plan.read': 'all',
    'history.read': 'all',
    'milestone.update': 'own_action',
    'output.update': 'own_action',
    'risk.update': 'own_action',
    'plan.approve': 'none',
    'monitoring.write': 'none',
    'accounts.manage': 'none',
    'plan.import': 'none',
  },
  member: {
    'plan.read': 'all',
    'history.read': 'all',
    'milestone.update': 'none',
    'output.update': 'none',
    'risk.update': 'none',
    'plan.approve': 'none',
    'monitoring.write': 'none',
    'accounts.manage': 'none',
    'plan.import': 'none',
  },
};

/** Permissions that need no sign-in while `PUBLIC_READ` is on. */
export const PUBLIC_READ_PERMISSIONS: readonly Permission[] = ['plan.read'];

export interface WriteEndpoint {
  method: 'PATCH' | 'POST' | 'PUT' | 'DELETE';
  /** Express-style route, as Nest registers it. */
  path: string;
  permission: Permission;
  /** The kind of item the route changes (its Action decides `own_action`). */
  itemType: AuditItemType | 'plan_version';
}

/** Every write route that needs a permission. The matrix test tries each with every role. */
export const WRITE_ENDPOINTS: readonly WriteEndpoint[] = [
  { method: 'PATCH', path: '/api/milestones/:id', permission: 'milestone.update', itemType: 'milestone' },
  { method: 'PATCH', path: '/api/outputs/:id', permission: 'output.update', itemType: 'output' },
  { method: 'PATCH', path: '/api/risk-register/:id', permission: 'risk.update', itemType: 'risk' },
  { method: 'POST', path: '/api/milestones', permission: 'milestone.update', itemType: 'milestone' },
  { method: 'POST', path: '/api/milestones/:id/move', permission: 'milestone.update', itemType: 'milestone' },
  { method: 'POST', path: '/api/outputs', permission: 'output.update', itemType: 'output' },
  { method: 'POST', path: '/api/risk-register', permission: 'risk.update', itemType: 'risk' },
  { method: 'POST', path: '/api/plan-versions', permission: 'plan.approve', itemType: 'plan_version' },
  { method: 'POST', path: '/api/targets', permission: 'milestone.update', itemType: 'target' },
  { method: 'PATCH', path: '/api/targets/:id', permission: 'milestone.update', itemType: 'target' },
  { method: 'POST', path: '/api/monitoring-calls', permission: 'monitoring.write', itemType: 'monitoring_call' },
  { method: 'PATCH', path: '/api/monitoring-calls/:id', permission: 'monitoring.write', itemType: 'monitoring_call' },
  { method: 'POST', path: '/api/monitoring-calls/:id/follow-ups', permission: 'monitoring.write', itemType: 'monitoring_call' },
  { method: 'PATCH', path: '/api/follow-ups/:id', permission: 'monitoring.write', itemType: 'follow_up' },
  /** A link belongs to its successor: the successor's Action decides (a milestone's here; an output's needs output.update). */
  { method: 'POST', path: '/api/dependencies', permission: 'milestone.update', itemType: 'milestone' },
  { method: 'DELETE', path: '/api/dependencies/:id', permission: 'milestone.update', itemType: 'milestone' },
  /** Evidence is attached and removed by whoever may change its item (an output's here; a milestone's needs milestone.update). */
  { method: 'POST', path: '/api/outputs/:id/evidence', permission: 'output.update', itemType: 'output' },
  { method: 'POST', path: '/api/milestones/:id/evidence', permission: 'milestone.update', itemType: 'milestone' },
  { method: 'DELETE', path: '/api/evidence/:id', permission: 'output.update', itemType: 'output' },
];

/**
 * Routes with no Action scope, the Secretariat's only: account management, importing a plan (its
 * preview writes nothing) and trying a forecast end on the risk view (writes nothing).
 */
export const ACCOUNT_WRITE_ENDPOINTS: readonly { method: WriteEndpoint['method']; path: string; permission: Permission }[] = [
  { method: 'POST', path: '/api/accounts', permission: 'accounts.manage' },
  { method: 'PATCH', path: '/api/accounts/:id', permission: 'accounts.manage' },
  { method: 'POST', path: '/api/accounts/:id/deactivate', permission: 'accounts.manage' },
  { method: 'POST', path: '/api/accounts/:id/invitation', permission: 'accounts.manage' },
  { method: 'POST', path: '/api/plan-imports/preview', permission: 'plan.import' },
  { method: 'POST', path: '/api/plan-imports', permission: 'plan.import' },
  /** The Secretariat's stage of an Action in the Monitoring Table of Actions. */
  { method: 'PUT', path: '/api/reports/stages/:actionNumber', permission: 'monitoring.write' },
  { method: 'POST', path: '/api/risks/what-if', permission: 'monitoring.write' },
];

/** Write routes any signed-in person uses on their own things, whatever their role (their profile, their calendar address). */
export const SIGNED_IN_WRITE_ENDPOINTS: readonly { method: WriteEndpoint['method']; path: string }[] = [
  { method: 'PATCH', path: '/api/profile' },
  { method: 'POST', path: '/api/calendar/private-feed' },
  { method: 'DELETE', path: '/api/calendar/private-feed' },
];

/** Write routes open to anyone (still behind the XSRF check). */
export const PUBLIC_WRITE_ENDPOINTS: readonly { method: WriteEndpoint['method']; path: string }[] = [
  { method: 'POST', path: '/api/auth/login' },
  { method: 'POST', path: '/api/auth/logout' },
  { method: 'POST', path: '/api/auth/invitation' },
  { method: 'POST', path: '/api/auth/password-reset' },
  { method: 'POST', path: '/api/auth/password-reset/complete' },
];

export function scopeOf(role: Role, permission: Permission): Scope {
  return PERMISSIONS[role][permission];
}

/**
 * Whether a user may use `permission` on an item of the Action `actionId`, given the Actions their
 * organisation co-leads.
 */
export function allows(role: Role, permission: Permission, actionId: string, coLedActionIds: readonly string[]): boolean {
  const scope = scopeOf(role, permission);
  return scope === 'all' || (scope === 'own_action' && coLedActionIds.includes(actionId));
}

/** The sentence a 403 answers with. */
export function refusal(role: Role, permission: Permission): string {
  const who = { secretariat: 'the Secretariat', coordinator: 'coordinators', co_leader: 'co-leaders', member: 'members' }[role];
  if (scopeOf(role, permission) === 'own_action') {
    const what = permission === 'risk.update' ? 'the risks' : 'the milestones and outputs';
    return `${who} may change only ${what} of the Actions their organisation co-leads`;
  }
  const doing: Partial<Record<Permission, string>> = {
    'milestone.update': 'change milestones',
    'output.update': 'change outputs',
    'risk.update': 'change risks',
    'plan.approve': 'approve versions of the plan',
    'monitoring.write': 'record monitoring calls or their follow-ups',
    'accounts.manage': 'manage accounts or read the mail outbox',
    'plan.import': 'import plans',
  };
  return `${who} may not ${doing[permission] ?? 'do this'}`;
}
