import { AccountActionEntity, AccountChangeEntity, AccountTokenEntity } from '../accounts/account.entity';
import { ActionEntity, ActionParticipantEntity, TargetEntity } from '../actions/action.entity';
import { AuditEntryEntity } from '../audit/audit-entry.entity';
import { DependencyEntity } from '../dependencies/dependency.entity';
import { EvidenceChunkEntity, EvidenceEntity } from '../evidence/evidence.entity';
import { AuthEventEntity } from '../auth/auth-event.entity';
import { LoginThrottleEntity } from '../auth/login-throttle.entity';
import { SessionEntity } from '../auth/session.entity';
import { CalendarTokenEntity } from '../exports/calendar-token.entity';
import { FollowUpEntity, MonitoringCallEntity } from '../monitoring/monitoring-call.entity';
import { MilestoneAlternativeEntity, MilestoneEntity } from '../milestones/milestone.entity';
import { MailEntity } from '../mail/mail.entity';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { OutputEntity } from '../outputs/output.entity';
import { RiskEntity } from '../risks/risk.entity';
import { PartnershipEntity, PartnershipMemberEntity } from '../partnership/partnership.entity';
import { PlanVersionEntity } from '../plan-versions/plan-version.entity';
import { ActionStageOverrideEntity } from '../reports/action-stage.entity';
import { UserEntity } from '../accounts/user.entity';

/** Every entity of the schema, in one list for Nest, the migration tools and the tests. */
export const ENTITIES = [
  OrganisationEntity,
  PartnershipEntity,
  PartnershipMemberEntity,
  ActionEntity,
  ActionParticipantEntity,
  TargetEntity,
  MilestoneEntity,
  MilestoneAlternativeEntity,
  OutputEntity,
  UserEntity,
  SessionEntity,
  LoginThrottleEntity,
  AuthEventEntity,
  AuditEntryEntity,
  RiskEntity,
  MonitoringCallEntity,
  FollowUpEntity,
  AccountActionEntity,
  AccountTokenEntity,
  AccountChangeEntity,
  MailEntity,
  CalendarTokenEntity,
  PlanVersionEntity,
  DependencyEntity,
  EvidenceEntity,
  EvidenceChunkEntity,
  ActionStageOverrideEntity,
];
