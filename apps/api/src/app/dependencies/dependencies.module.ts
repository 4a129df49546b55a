import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DependenciesController } from './dependencies.controller';
import { DependenciesRepository } from './dependencies.repository';
import { DependenciesService } from './dependencies.service';

/** Finish-to-start links between milestones and outputs. */
@Module({
  imports: [AuditModule],
  controllers: [DependenciesController],
  providers: [DependenciesRepository, DependenciesService],
  exports: [DependenciesRepository],
})
export class DependenciesModule {}
