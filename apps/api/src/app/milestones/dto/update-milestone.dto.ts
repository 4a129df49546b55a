import { MILESTONE_STATUSES, type MilestoneStatus, type MilestoneUpdate } from '@tracker/contracts';
import { DateField, NoteField, ProgressField, StatusField, VersionField } from '../../common/update-fields';

/** `PATCH /api/milestones/:id` */
export class UpdateMilestoneDto implements MilestoneUpdate {
  @VersionField()
  version!: number;

  @StatusField(MILESTONE_STATUSES)
  status?: MilestoneStatus;

  @ProgressField()
  progress?: number;

  @DateField('When the work started')
  actualStart?: string | null;

  @DateField('When the work finished; required for done')
  actualEnd?: string | null;

  @DateField('When it is now expected to finish')
  forecastEnd?: string | null;

  @NoteField()
  note?: string;
}
