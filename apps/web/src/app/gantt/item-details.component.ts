import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, input, output, viewChild } from '@angular/core';
import { type AuditEntry, type AuditValue, type Evidence, MILESTONE_STATUSES, type Milestone, type MilestoneUpdate } from '@tracker/contracts';
import { formatWindow } from '@tracker/schedule';
import { EvidenceListComponent } from '../evidence/evidence-list.component';
import { HISTORY_FIELD_LABELS, NOTE_KIND_LABELS, STATUS_LABELS, historyValue, sourceWords } from '../plan/labels';
import { buildUpdate, readValues, type MilestoneValues } from '../updates/edit-values';
import { DialogClosing } from '../updates/dialog-closing';
import type { EditOutcome } from '../updates/milestone-editor';
import { FLAG_LABELS, type GanttItem, type ItemFlag } from './gantt-model';

/**
 * Details of one item in a modal dialog: the window as the plan words it, status, source, other
 * readings, its history, and (for people who may change it) an edit form.
 */
@Component({
  selector: 'wp-item-details',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [EvidenceListComponent],
  templateUrl: './item-details.component.html',
})
export class ItemDetailsComponent {
  readonly item = input<GanttItem | null>(null);
  /** The item's evidence of delivery that is not removed. */
  readonly evidence = input<readonly Evidence[]>([]);
  readonly canEdit = input(false);
  readonly history = input<AuditEntry[] | null>(null);
  readonly historyError = input<string | null>(null);
  readonly saving = input(false);
  readonly outcome = input<EditOutcome | null>(null);
  /** The item as someone else left it, after a conflict. */
  readonly current = input<Milestone | null>(null);
  readonly closed = output<void>();
  readonly closing = new DialogClosing(
    () => this.item() !== null,
    () => this.closed.emit(),
  );
  readonly save = output<{ id: string; update: MilestoneUpdate }>();
  /** One place earlier or later among its siblings. */
  readonly move = output<{ id: string; version: number; direction: 'earlier' | 'later' }>();
  /** The activities of the plan shown: a step can be put under another of its Action. */
  readonly activities = input<Pick<GanttItem, 'id' | 'title' | 'actionNumber'>[]>([]);
  /** Ids of the activities that have steps: they stay activities. */
  readonly parents = input<ReadonlySet<string>>(new Set());
  /** Activities of the item's Action it can be a step of; none for an activity with steps of its own. */
  readonly parentChoices = computed(() => {
    const item = this.item();
    if (!item || this.parents().has(item.id)) return [];
    return this.activities().filter((a) => a.actionNumber === item.actionNumber && a.id !== item.id);
  });

  readonly statuses = MILESTONE_STATUSES;
  readonly statusLabels = STATUS_LABELS;
  readonly fieldLabels = HISTORY_FIELD_LABELS;
  readonly sourceWords = sourceWords;
  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  /** What the form starts from: the conflicting current values, or the item's. */
  readonly values = computed<MilestoneValues | null>(() => {
    const source = this.current() ?? this.item();
    return source
      ? {
          status: source.status,
          progress: source.progress,
          actualStart: source.actualStart,
          actualEnd: source.actualEnd,
          forecastEnd: source.forecastEnd,
          title: source.title,
          windowText: source.windowText,
          tentative: source.tentative,
          parentId: source.parentId,
        }
      : null;
  });
  readonly version = computed(() => this.current()?.version ?? this.item()?.version ?? 0);

  constructor() {
    effect(() => {
      const dialog = this.dialog().nativeElement;
      if (this.item() && !dialog.open) {
        dialog.showModal();
      } else if (!this.item() && dialog.open) {
        dialog.close();
      }
    });
  }

  moveItem(direction: 'earlier' | 'later'): void {
    const item = this.item();
    if (item) {
      this.move.emit({ id: item.id, version: this.version(), direction });
    }
  }

  submit(event: Event): void {
    event.preventDefault();
    const item = this.item();
    const before = this.values();
    if (!item || !before) return;
    const form = new FormData(event.target as HTMLFormElement);
    const update = buildUpdate(before, readValues(form), this.version(), String(form.get('note') ?? ''));
    if (update) {
      this.save.emit({ id: item.id, update });
    }
  }

  noteKindLabel(kind: keyof typeof NOTE_KIND_LABELS): string {
    return NOTE_KIND_LABELS[kind];
  }

  flagLabel(flag: ItemFlag): string {
    return FLAG_LABELS[flag];
  }

  windowLabel(alt: { start: string | null; end: string | null; precision: GanttItem['window']['precision'] }): string {
    return formatWindow(alt);
  }

  describeValue(field: string | null, value: AuditValue): string {
    return historyValue(field, value);
  }

  when(at: string): string {
    return new Date(at).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  }
}
