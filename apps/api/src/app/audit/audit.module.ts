import { Module } from '@nestjs/common';
import { ActivityController } from './activity.controller';
import { AuditService } from './audit.service';
import { VersionedUpdateService } from './versioned-update.service';

/** The one versioned update of every record with its history, the histories and the activity feed. */
@Module({
  controllers: [ActivityController],
  providers: [AuditService, VersionedUpdateService],
  exports: [AuditService, VersionedUpdateService],
})
export class AuditModule {}
