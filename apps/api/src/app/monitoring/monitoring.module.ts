import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { PlanVersionsModule } from '../plan-versions/plan-versions.module';
import { RisksModule } from '../risks/risks.module';
import { MonitoringController } from './monitoring.controller';
import { MonitoringService } from './monitoring.service';

/** The monitoring-call log: calls, follow-ups, and what each call walks through. */
@Module({
  imports: [AuditModule, OrganisationsModule, PlanVersionsModule, RisksModule],
  controllers: [MonitoringController],
  providers: [MonitoringService],
  exports: [MonitoringService],
})
export class MonitoringModule {}
