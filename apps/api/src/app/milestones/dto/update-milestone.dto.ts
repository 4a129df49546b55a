import { MILESTONE_STATUSES, type MilestoneStatus, type MilestoneUpdate } from '@tracker/contracts';
import {
  DateField,
  FlagField,
  NoteField,
  ProgressField,
  ReferenceField,
  StatusField,
  TitleField,
  VersionField,
  WindowTextField,
} from '../../common/update-fields';

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

  @TitleField()
  title?: string;

  @WindowTextField('windowText')
  windowText?: string;

  @FlagField('tentative', 'The window is not yet confirmed')
  tentative?: boolean;

  @ReferenceField('parentId', 'An activity of the same Action')
  parentId?: string | null;

  @NoteField()
  note?: string;
}
