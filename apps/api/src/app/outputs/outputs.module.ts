import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { EvidenceModule } from '../evidence/evidence.module';
import { OutputEntity } from './output.entity';
import { OutputsController } from './outputs.controller';
import { OutputsService } from './outputs.service';

@Module({
  imports: [TypeOrmModule.forFeature([OutputEntity]), AuditModule, EvidenceModule],
  controllers: [OutputsController],
  providers: [OutputsService],
  exports: [OutputsService],
})
export class OutputsModule {}
