import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DependenciesModule } from '../dependencies/dependencies.module';
import { PlanVersionsModule } from '../plan-versions/plan-versions.module';
import { RiskRegisterController } from './risk-register.controller';
import { RiskRegisterService } from './risk-register.service';
import { RiskViewService } from './risk-view.service';
import { RisksController } from './risks.controller';

/** The risk view (computed from the plan) and the risk register (kept by people). */
@Module({
  imports: [AuditModule, PlanVersionsModule, DependenciesModule],
  controllers: [RisksController, RiskRegisterController],
  providers: [RiskViewService, RiskRegisterService],
  exports: [RiskViewService, RiskRegisterService],
})
export class RisksModule {}
