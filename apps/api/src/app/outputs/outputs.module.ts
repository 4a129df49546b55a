import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { OutputEntity } from './output.entity';
import { OutputsController } from './outputs.controller';
import { OutputsService } from './outputs.service';

@Module({
  imports: [TypeOrmModule.forFeature([OutputEntity]), AuditModule],
  controllers: [OutputsController],
  providers: [OutputsService],
  exports: [OutputsService],
})
export class OutputsModule {}
