import { Module } from '@nestjs/common';
import { ActivityController } from './activity.controller';
import { AuditService } from './audit.service';
import { ItemUpdateService } from './item-update.service';

/** Updates of milestones and outputs with their audit trail, and the activity feed. */
@Module({
  controllers: [ActivityController],
  providers: [AuditService, ItemUpdateService],
  exports: [AuditService, ItemUpdateService],
})
export class AuditModule {}
