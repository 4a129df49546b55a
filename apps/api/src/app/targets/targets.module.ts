import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { TargetsController } from './targets.controller';
import { TargetsService } from './targets.service';

/** The targets of the Actions, amended with the plan. */
@Module({
  imports: [AuditModule],
  controllers: [TargetsController],
  providers: [TargetsService],
})
export class TargetsModule {}
