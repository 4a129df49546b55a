import { Module } from '@nestjs/common';
import { PlanVersionsController } from './plan-versions.controller';
import { PlanVersionsRepository } from './plan-versions.repository';

/** Approved versions of the plan (baselines) and their comparison. */
@Module({
  controllers: [PlanVersionsController],
  providers: [PlanVersionsRepository],
  exports: [PlanVersionsRepository],
})
export class PlanVersionsModule {}
