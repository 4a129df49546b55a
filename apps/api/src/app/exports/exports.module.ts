import { Module } from '@nestjs/common';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { OutputsModule } from '../outputs/outputs.module';
import { RisksModule } from '../risks/risks.module';
import { ExportTablesService } from './export-tables.service';
import { ExportsController } from './exports.controller';

/** Files people attach to reports: spreadsheets (CSV, XLSX). */
@Module({
  imports: [OutputsModule, RisksModule, MonitoringModule],
  controllers: [ExportsController],
  providers: [ExportTablesService],
})
export class ExportsModule {}
