import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MilestonesModule } from '../milestones/milestones.module';
import { OutputsModule } from '../outputs/outputs.module';
import { ActionEntity, TargetEntity } from './action.entity';
import { ActionsController } from './actions.controller';
import { ActionsService } from './actions.service';

@Module({
  imports: [TypeOrmModule.forFeature([ActionEntity, TargetEntity]), MilestonesModule, OutputsModule],
  controllers: [ActionsController],
  providers: [ActionsService],
})
export class ActionsModule {}
