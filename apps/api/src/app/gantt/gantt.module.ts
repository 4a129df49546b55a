import { Module } from '@nestjs/common';
import { GanttController } from './gantt.controller';

@Module({ controllers: [GanttController] })
export class GanttModule {}
