import type { Milestone } from '@tracker/contracts';
import type { MilestoneEntity } from './milestone.entity';

export function toMilestone(entity: MilestoneEntity, actionNumber: number): Milestone {
  return {
    id: entity.id,
    actionNumber,
    parentId: entity.parentId,
    title: entity.title,
    windowText: entity.windowText,
    start: entity.startDate,
    end: entity.endDate,
    precision: entity.precision,
    tentative: entity.tentative,
    status: entity.status,
    progress: entity.progress,
    actualStart: entity.actualStart,
    actualEnd: entity.actualEnd,
    forecastEnd: entity.forecastEnd,
    version: entity.version,
    source: entity.source,
    sortOrder: entity.sortOrder,
    alternatives: [...(entity.alternatives ?? [])]
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((alt) => ({ text: alt.windowText, start: alt.startDate, end: alt.endDate, precision: alt.precision, source: alt.source })),
    notes: entity.notes ?? [],
    updatedAt: entity.updatedAt.toISOString(),
  };
}
