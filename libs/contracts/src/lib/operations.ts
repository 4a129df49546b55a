/**
 * The API's JSON operations as one table: method, path (`:name` for a path parameter), and the types
 * of the body and of the answer, from the contracts. The web app's client (apps/web/src/app/api)
 * calls the API only through it; the API's tests check that each entry is an operation of its
 * OpenAPI document. Types only: this file adds nothing to a bundle but the table itself.
 */
import type {
  Account,
  AccountChange,
  AccountInvite,
  AccountUpdate,
  OutboxMail,
  PrivateFeed,
  PrivateFeedState,
  Profile,
  ProfileUpdate,
  SetPasswordRequest,
  SignInProviders,
} from './accounts';
import type { CurrentUser, LoginRequest, SessionState } from './auth';
import type { Dependency, DependencyCreate } from './dependencies';
import type { Evidence, NewEvidence } from './evidence';
import type { GanttData, PartnershipSummary } from './gantt';
import type { PlanImportPreview, PlanImportResult } from './imports';
import type { Action, ActionDetail, EmailOnly, Health, Message, Milestone, Organisation, Output, Partnership, Target } from './plan';
import type { PlanComparison, PlanVersion, PlanVersionCreate, PlanVersionSummary } from './plan-versions';
import type { MonitoringTableRow, StageOverrideUpdate } from './reports';
import type {
  FollowUp,
  FollowUpCreate,
  FollowUpUpdate,
  MonitoringCall,
  MonitoringCallCreate,
  MonitoringCallSummary,
  MonitoringCallUpdate,
  RegisterRisk,
  RegisterRiskCreate,
  RegisterRiskUpdate,
  RiskView,
  WhatIf,
  WhatIfQuery,
} from './risks';
import type { AuditEntry, MilestoneCreate, MilestoneMove, MilestoneUpdate, OutputCreate, OutputUpdate, TargetCreate, TargetUpdate } from './updates';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One operation: its method and path; `answer` and `body` carry types only and are never set. */
export interface ApiOperation<Method extends HttpMethod = HttpMethod, Path extends string = string, Answer = unknown, Body = unknown> {
  readonly method: Method;
  readonly path: Path;
  readonly answer?: Answer;
  readonly body?: Body;
}

/** `operation<Answer, Body>()(method, path)`: the answer and body named, method and path inferred as literals. */
function operation<Answer, Body = never>() {
  return <Method extends HttpMethod, Path extends string>(method: Method, path: Path): ApiOperation<Method, Path, Answer, Body> => ({ method, path });
}

/** A plan's CSV or XLSX file, sent as the body itself (a `File` in the browser). */
export type PlanFile = object;

/** Query parameters, as the answers' contracts describe them (`?partnership=key`, `?action=N`...). */
export type QueryParams = Record<string, string | number | boolean | readonly (string | number | boolean)[]>;

/** The path parameters of a path: `/api/milestones/:id/move` takes `{ id }`. */
export type PathParams<Path extends string> = Path extends `${string}:${infer Name}/${infer Rest}`
  ? { [K in Name]: string | number } & PathParams<`/${Rest}`>
  : Path extends `${string}:${infer Name}`
    ? { [K in Name]: string | number }
    : Record<never, never>;

/** What a call of an operation takes: its path parameters and body when it has them, query parameters and headers. */
export type RequestOf<O> =
  O extends ApiOperation<HttpMethod, infer Path, unknown, infer Body>
    ? (keyof PathParams<Path> extends never ? { params?: undefined } : { params: PathParams<Path> }) &
        ([Body] extends [never] ? { body?: undefined } : { body: Body }) & { query?: QueryParams; headers?: Record<string, string> }
    : never;

/** The answer of an operation. */
export type AnswerOf<O> = O extends ApiOperation<HttpMethod, string, infer Answer> ? Answer : never;

export const API = {
  health: operation<Health>()('GET', '/api/health'),

  session: operation<SessionState>()('GET', '/api/auth/session'),
  me: operation<CurrentUser>()('GET', '/api/auth/me'),
  login: operation<CurrentUser, LoginRequest>()('POST', '/api/auth/login'),
  logout: operation<void, Record<string, never>>()('POST', '/api/auth/logout'),
  signInProviders: operation<SignInProviders>()('GET', '/api/auth/providers'),
  acceptInvitation: operation<EmailOnly, SetPasswordRequest>()('POST', '/api/auth/invitation'),
  requestPasswordReset: operation<Message, { email: string }>()('POST', '/api/auth/password-reset'),
  completePasswordReset: operation<EmailOnly, SetPasswordRequest>()('POST', '/api/auth/password-reset/complete'),

  accounts: operation<Account[]>()('GET', '/api/accounts'),
  account: operation<Account>()('GET', '/api/accounts/:id'),
  accountChanges: operation<AccountChange[]>()('GET', '/api/accounts/:id/changes'),
  inviteAccount: operation<Account, AccountInvite>()('POST', '/api/accounts'),
  updateAccount: operation<Account, AccountUpdate>()('PATCH', '/api/accounts/:id'),
  deactivateAccount: operation<Account, Record<string, never>>()('POST', '/api/accounts/:id/deactivate'),
  resendInvitation: operation<Account, Record<string, never>>()('POST', '/api/accounts/:id/invitation'),
  profile: operation<Profile>()('GET', '/api/profile'),
  updateProfile: operation<Profile, ProfileUpdate>()('PATCH', '/api/profile'),
  outbox: operation<OutboxMail[]>()('GET', '/api/mail/outbox'),
  privateFeed: operation<PrivateFeedState>()('GET', '/api/calendar/private-feed'),
  issuePrivateFeed: operation<PrivateFeed, Record<string, never>>()('POST', '/api/calendar/private-feed'),
  revokePrivateFeed: operation<void>()('DELETE', '/api/calendar/private-feed'),

  partnerships: operation<PartnershipSummary[]>()('GET', '/api/partnerships'),
  partnership: operation<Partnership>()('GET', '/api/partnership'),
  organisations: operation<Organisation[]>()('GET', '/api/organisations'),
  actions: operation<Action[]>()('GET', '/api/actions'),
  action: operation<ActionDetail>()('GET', '/api/actions/:number'),
  gantt: operation<GanttData>()('GET', '/api/gantt'),

  milestones: operation<Milestone[]>()('GET', '/api/milestones'),
  milestone: operation<Milestone>()('GET', '/api/milestones/:id'),
  createMilestone: operation<Milestone, MilestoneCreate>()('POST', '/api/milestones'),
  updateMilestone: operation<Milestone, MilestoneUpdate>()('PATCH', '/api/milestones/:id'),
  moveMilestone: operation<Milestone, MilestoneMove>()('POST', '/api/milestones/:id/move'),
  milestoneHistory: operation<AuditEntry[]>()('GET', '/api/milestones/:id/history'),
  outputs: operation<Output[]>()('GET', '/api/outputs'),
  output: operation<Output>()('GET', '/api/outputs/:id'),
  createOutput: operation<Output, OutputCreate>()('POST', '/api/outputs'),
  updateOutput: operation<Output, OutputUpdate>()('PATCH', '/api/outputs/:id'),
  outputHistory: operation<AuditEntry[]>()('GET', '/api/outputs/:id/history'),
  targets: operation<Target[]>()('GET', '/api/targets'),
  target: operation<Target>()('GET', '/api/targets/:id'),
  createTarget: operation<Target, TargetCreate>()('POST', '/api/targets'),
  updateTarget: operation<Target, TargetUpdate>()('PATCH', '/api/targets/:id'),
  targetHistory: operation<AuditEntry[]>()('GET', '/api/targets/:id/history'),
  dependencies: operation<Dependency[]>()('GET', '/api/dependencies'),
  createDependency: operation<Dependency, DependencyCreate>()('POST', '/api/dependencies'),
  removeDependency: operation<void>()('DELETE', '/api/dependencies/:id'),
  activity: operation<AuditEntry[]>()('GET', '/api/activity'),

  evidence: operation<Evidence[]>()('GET', '/api/evidence'),
  outputEvidence: operation<Evidence[]>()('GET', '/api/outputs/:id/evidence'),
  addOutputEvidence: operation<Evidence, NewEvidence>()('POST', '/api/outputs/:id/evidence'),
  milestoneEvidence: operation<Evidence[]>()('GET', '/api/milestones/:id/evidence'),
  addMilestoneEvidence: operation<Evidence, NewEvidence>()('POST', '/api/milestones/:id/evidence'),
  removeEvidence: operation<void>()('DELETE', '/api/evidence/:id'),

  planVersions: operation<PlanVersionSummary[]>()('GET', '/api/plan-versions'),
  planVersion: operation<PlanVersion>()('GET', '/api/plan-versions/:id'),
  comparePlanVersions: operation<PlanComparison>()('GET', '/api/plan-versions/compare'),
  approvePlanVersion: operation<PlanVersion, PlanVersionCreate>()('POST', '/api/plan-versions'),
  previewPlanImport: operation<PlanImportPreview, PlanFile>()('POST', '/api/plan-imports/preview'),
  importPlan: operation<PlanImportResult, PlanFile>()('POST', '/api/plan-imports'),

  risks: operation<RiskView>()('GET', '/api/risks'),
  whatIf: operation<WhatIf, WhatIfQuery>()('POST', '/api/risks/what-if'),
  riskRegister: operation<RegisterRisk[]>()('GET', '/api/risk-register'),
  registerRisk: operation<RegisterRisk>()('GET', '/api/risk-register/:id'),
  createRisk: operation<RegisterRisk, RegisterRiskCreate>()('POST', '/api/risk-register'),
  updateRisk: operation<RegisterRisk, RegisterRiskUpdate>()('PATCH', '/api/risk-register/:id'),
  riskHistory: operation<AuditEntry[]>()('GET', '/api/risk-register/:id/history'),
  monitoringCalls: operation<MonitoringCallSummary[]>()('GET', '/api/monitoring-calls'),
  monitoringCall: operation<MonitoringCall>()('GET', '/api/monitoring-calls/:id'),
  createMonitoringCall: operation<MonitoringCall, MonitoringCallCreate>()('POST', '/api/monitoring-calls'),
  updateMonitoringCall: operation<MonitoringCall, MonitoringCallUpdate>()('PATCH', '/api/monitoring-calls/:id'),
  monitoringCallHistory: operation<AuditEntry[]>()('GET', '/api/monitoring-calls/:id/history'),
  addFollowUp: operation<FollowUp, FollowUpCreate>()('POST', '/api/monitoring-calls/:id/follow-ups'),
  followUp: operation<FollowUp>()('GET', '/api/follow-ups/:id'),
  updateFollowUp: operation<FollowUp, FollowUpUpdate>()('PATCH', '/api/follow-ups/:id'),
  followUpHistory: operation<AuditEntry[]>()('GET', '/api/follow-ups/:id/history'),

  monitoringTable: operation<MonitoringTableRow[]>()('GET', '/api/reports/monitoring-table'),
  setStage: operation<MonitoringTableRow, StageOverrideUpdate>()('PUT', '/api/reports/stages/:actionNumber'),
} as const;

export type ApiOperationName = keyof typeof API;
