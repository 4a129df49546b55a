import { type DynamicModule, Module } from '@nestjs/common';
import { ExportsModule } from '../exports/exports.module';
import { PlanVersionsModule } from '../plan-versions/plan-versions.module';
import { CLOCK, type Clock } from '../reminders/clock';
import { RisksModule } from '../risks/risks.module';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

/**
 * The report upward: the progress and final reports (DOCX and PDF, drawn in the export pool) and
 * the Monitoring Table of Actions. "Today" comes from the clock (tests stand it at a chosen moment).
 */
@Module({})
export class ReportsModule {
  static register(clock: Clock): DynamicModule {
    return {
      module: ReportsModule,
      imports: [ExportsModule, RisksModule, PlanVersionsModule],
      controllers: [ReportsController],
      providers: [{ provide: CLOCK, useValue: clock }, ReportsRepository, ReportsService],
    };
  }
}
