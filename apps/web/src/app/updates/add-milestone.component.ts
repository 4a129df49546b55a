import { ChangeDetectionStrategy, Component, inject, input, output } from '@angular/core';
import type { Milestone } from '@tracker/contracts';
import { AddForm } from './add-form';
import { UpdatesService } from './updates.service';

/**
 * Adds an activity, or a step of one, to an Action's timeline: the title, the window as the plan
 * would word it (the API reads the dates from the words and names what it cannot read), tentative.
 */
@Component({
  selector: 'wp-add-milestone',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="add-item" data-testid="add-milestone">
      <summary>Add an activity or a step</summary>
      <form class="edit-form" (submit)="submit($event)" novalidate>
        <div class="form-grid">
          <div class="field">
            <label for="add-title">Title</label>
            <input id="add-title" name="title" type="text" maxlength="500" required />
          </div>
          <div class="field">
            <label for="add-window">Window, as the plan words it</label>
            <input id="add-window" name="windowText" type="text" maxlength="200" required aria-describedby="add-window-help" />
          </div>
          <div class="field">
            <label for="add-parent">Step of</label>
            <select id="add-parent" name="parentId">
              <option value="">None: a new activity</option>
              @for (activity of activities(); track activity.id) {
                <option [value]="activity.id">{{ activity.title }}</option>
              }
            </select>
          </div>
        </div>
        <p id="add-window-help" class="muted">For example "October - December 2025", "Q2 2026", "2026 (tbd)" or "tbd".</p>
        <label class="check"><input name="tentative" type="checkbox" /> Tentative (not yet confirmed)</label>
        <div class="field">
          <label for="add-note">Note (kept in the history)</label>
          <textarea id="add-note" name="note" rows="2" maxlength="2000"></textarea>
        </div>
        <button type="submit" class="button" [disabled]="form.saving()">{{ form.saving() ? 'Adding…' : 'Add to the timeline' }}</button>
      </form>
      @if (form.outcome(); as o) {
        <p [class]="o.kind === 'saved' ? 'notice' : 'error'" role="alert" data-testid="add-outcome">{{ o.message }}</p>
      }
    </details>
  `,
})
export class AddMilestoneComponent {
  private readonly updates = inject(UpdatesService);
  readonly partnership = input.required<string>();
  readonly actionNumber = input.required<number>();
  /** The Action's activities: a new step goes under one of them. */
  readonly activities = input.required<Pick<Milestone, 'id' | 'title'>[]>();
  readonly added = output<Milestone>();
  readonly form = new AddForm('item');

  async submit(event: Event): Promise<void> {
    const created = await this.form.submit(
      event,
      (text, values) =>
        this.updates.createMilestone({
          partnership: this.partnership(),
          actionNumber: this.actionNumber(),
          parentId: text('parentId') || null,
          title: text('title'),
          windowText: text('windowText'),
          tentative: values.get('tentative') !== null ? true : undefined,
          ...(text('note') ? { note: text('note') } : {}),
        }),
      (milestone) => `Added "${milestone.title}" (${milestone.windowText}).`,
    );
    if (created) this.added.emit(created);
  }
}
