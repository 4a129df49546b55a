import { Module } from '@nestjs/common';
import { GanttController } from './gantt.controller';
import { PlanCache } from './plan-cache';

@Module({ controllers: [GanttController], providers: [PlanCache], exports: [PlanCache] })
export class GanttModule {}
