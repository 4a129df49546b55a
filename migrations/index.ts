import type { MigrationInterface } from 'typeorm';
import { InitialSchema1795332473747 } from './1795332473747-initial-schema';
import { AddAccountsSessionsAndAudit1795333275383 } from './1795333275383-add-accounts-sessions-and-audit';
import { AddRiskRegisterAndMonitoringCalls1795336526591 } from './1795336526591-add-risk-register-and-monitoring-calls';
import { AddPlanNotesAndRiskCauses1795468833643 } from './1795468833643-add-plan-notes-and-risk-causes';
import { AuditEveryVersionedRecord1795469370823 } from './1795469370823-audit-every-versioned-record';
import { MonitoringCallPartnership1795469750948 } from './1795469750948-monitoring-call-partnership';
import { AccountsMailAndReminders1795470448956 } from './1795470448956-accounts-mail-and-reminders';
import { PartnershipSecretariat1795471879199 } from './1795471879199-partnership-secretariat';
import { AddCalendarTokens1795472460015 } from './1795472460015-add-calendar-tokens';
import { PlanEditingAndVersions1795500694363 } from './1795500694363-plan-editing-and-versions';
import { PlanRevision1795560000000 } from './1795560000000-plan-revision';
import { AmendableTargets1795570000000 } from './1795570000000-amendable-targets';
import { OngoingWorkAndPotentialStakeholders1795580000000 } from './1795580000000-ongoing-work-and-potential-stakeholders';
import { AddDependencies1795590000000 } from './1795590000000-add-dependencies';
import { AddEvidence1795600000000 } from './1795600000000-add-evidence';
import { ActionStageOverrides1795605000000 } from './1795605000000-action-stage-overrides';

type MigrationClass = new () => MigrationInterface;

/** Every migration, oldest first. `npm run migration:generate -- <name>` appends to this list. */
export const MIGRATIONS: MigrationClass[] = [
  InitialSchema1795332473747,
  AddAccountsSessionsAndAudit1795333275383,
  AddRiskRegisterAndMonitoringCalls1795336526591,
  AddPlanNotesAndRiskCauses1795468833643,
  AuditEveryVersionedRecord1795469370823,
  MonitoringCallPartnership1795469750948,
  AccountsMailAndReminders1795470448956,
  PartnershipSecretariat1795471879199,
  AddCalendarTokens1795472460015,
  PlanEditingAndVersions1795500694363,
  PlanRevision1795560000000,
  AmendableTargets1795570000000,
  OngoingWorkAndPotentialStakeholders1795580000000,
  AddDependencies1795590000000,
  AddEvidence1795600000000,
  ActionStageOverrides1795605000000,
];
