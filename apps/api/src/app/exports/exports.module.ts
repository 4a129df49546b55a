import { Module } from '@nestjs/common';
import { GanttModule } from '../gantt/gantt.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { OrganisationsModule } from '../organisations/organisations.module';
import { OutputsModule } from '../outputs/outputs.module';
import { PlanVersionsModule } from '../plan-versions/plan-versions.module';
import { RisksModule } from '../risks/risks.module';
import { ChartController } from './chart.controller';
import { ChartExportService } from './chart-export.service';
import { CalendarController } from './calendar.controller';
import { CalendarRepository } from './calendar.repository';
import { CalendarService } from './calendar.service';
import { ExportTablesService } from './export-tables.service';
import { ExportsController } from './exports.controller';
import { anonymousExportsThrottler, ExportThrottlerGuard } from './export-throttler.guard';
import { ExportRenderer } from './render/export-renderer';

/**
 * Files people attach to reports: the chart (SVG, PNG, PDF), spreadsheets (CSV, XLSX) and calendar
 * feeds (iCalendar). The chart files and calendars are drawn in a pool of worker threads (ExportRenderer).
 */
@Module({
  imports: [anonymousExportsThrottler(), OutputsModule, RisksModule, MonitoringModule, OrganisationsModule, PlanVersionsModule, GanttModule],
  // The chart's routes before the catch-all `:file` of ExportsController.
  controllers: [ChartController, ExportsController, CalendarController],
  providers: [ExportTablesService, CalendarService, CalendarRepository, ChartExportService, ExportRenderer, ExportThrottlerGuard],
  // The reports draw their documents in the same pool.
  exports: [ExportRenderer],
})
export class ExportsModule {}
