import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AccountsModule } from './accounts/accounts.module';
import { ActionsModule } from './actions/actions.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import type { AppConfig } from './config/config';
import { DependenciesModule } from './dependencies/dependencies.module';
import { EvidenceModule } from './evidence/evidence.module';
import { ExportsModule } from './exports/exports.module';
import { GanttModule } from './gantt/gantt.module';
import { MailModule, urlOf } from './mail/mail.module';
import { HealthModule } from './health/health.module';
import { PlanImportsModule } from './imports/plan-imports.module';
import { MilestonesModule } from './milestones/milestones.module';
import { OrganisationsModule } from './organisations/organisations.module';
import { OutputsModule } from './outputs/outputs.module';
import { PartnershipsModule } from './partnership/partnerships.module';
import { PlanVersionsModule } from './plan-versions/plan-versions.module';
import { TargetsModule } from './targets/targets.module';
import { RisksModule } from './risks/risks.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { type Clock, SYSTEM_CLOCK } from './reminders/clock';
import { RemindersModule } from './reminders/reminders.module';
import { ReportsModule } from './reports/reports.module';

@Module({})
export class AppModule {
  /** The app on an already migrated data source (see server.ts). */
  static register(dataSource: DataSource, config: AppConfig, clock: Clock = SYSTEM_CLOCK): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSource.options,
          dataSourceFactory: async () => dataSource,
        }),
        AuthModule.register(config),
        MailModule.register(urlOf(dataSource)),
        AccountsModule,
        PartnershipsModule,
        HealthModule,
        ActionsModule,
        MilestonesModule,
        PlanVersionsModule,
        TargetsModule,
        GanttModule,
        OutputsModule,
        DependenciesModule,
        EvidenceModule,
        OrganisationsModule,
        AuditModule,
        RisksModule,
        MonitoringModule,
        ExportsModule,
        PlanImportsModule,
        RemindersModule.register(clock),
        ReportsModule.register(clock),
      ],
    };
  }
}
