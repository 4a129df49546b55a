import { Module } from '@nestjs/common';
import { PlanImportRepository } from './plan-import.repository';
import { PlanImportsController } from './plan-imports.controller';
import { PlanImportsService } from './plan-imports.service';

/** Starting a partnership from a spreadsheet (CSV or XLSX) of its plan. */
@Module({
  controllers: [PlanImportsController],
  providers: [PlanImportsService, PlanImportRepository],
})
export class PlanImportsModule {}
