import type { Output } from '@tracker/contracts';
import type { OutputEntity } from './output.entity';

export function toOutput(entity: OutputEntity, actionNumber: number): Output {
  return {
    id: entity.id,
    actionNumber,
    title: entity.title,
    dueText: entity.dueText,
    start: entity.startDate,
    end: entity.endDate,
    precision: entity.precision,
    tentative: entity.tentative,
    status: entity.status,
    actualStart: entity.actualStart,
    actualEnd: entity.actualEnd,
    forecastEnd: entity.forecastEnd,
    version: entity.version,
    source: entity.source,
    milestoneIds: (entity.milestones ?? []).map((m) => m.id).sort(),
    sortOrder: entity.sortOrder,
    notes: entity.notes ?? [],
    updatedAt: entity.updatedAt.toISOString(),
  };
}
