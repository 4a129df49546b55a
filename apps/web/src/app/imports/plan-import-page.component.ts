import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PlanImportPreview, PlanImportProblem, PlanImportResult, PlanImportRow, PlanImportWindow } from '@tracker/contracts';
import { HttpErrorResponse } from '@angular/common/http';
import { errorMessage } from '../accounts/accounts.service';
import { AuthService } from '../auth/auth.service';
import { PartnershipService } from '../partnership/partnership.service';
import { formatDay } from '../plan/labels';
import { type NewPartnership, PlanImportService } from './plan-import.service';

const PRECISION_WORDS: Record<PlanImportWindow['precision'], string> = {
  day: 'days',
  month: 'months',
  year: 'year',
  unknown: 'no dates yet',
  ongoing: 'ongoing',
};

/** "1 Oct 2025 to 31 Dec 2025 (months)": how a window's words were read. */
export function readingOf(window: PlanImportWindow | null): string {
  if (window === null) {
    return '';
  }
  if (window.start === null || window.end === null) {
    return 'No dates yet';
  }
  const span = window.start === window.end ? formatDay(window.start) : `${formatDay(window.start)} to ${formatDay(window.end)}`;
  const precision = window.start === window.end ? 'one day' : PRECISION_WORDS[window.precision];
  return `${span} (${precision})${window.tentative ? ', not confirmed' : ''}`;
}

/** A key from a name: "Partnership on Sustainable Tourism" gives "sustainable-tourism". */
export function keyFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^partnership (on|for) (the )?/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The Secretariat starts a partnership from a spreadsheet of its plan: template, preview, import. */
@Component({
  selector: 'wp-plan-import-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header"><h1>Import a plan</h1></header>
    @if (!allowed()) {
      <p>Only the Secretariat imports plans. @if (!auth.user()) { Sign in first. }</p>
    } @else {
      <section aria-labelledby="template-heading">
        <h2 id="template-heading">1. Fill in the template</h2>
        <p>
          One row per activity, step, output, co-leader or member, with windows in the plan's own words ("October - December 2025", "2026 (tbd)").
          <a href="/api/plan-imports/template.xlsx" download data-testid="template-xlsx">Download the template (XLSX, with an explanation sheet)</a>
          or <a href="/api/plan-imports/template.csv" download>as CSV</a>.
        </p>
      </section>

      <section aria-labelledby="file-heading">
        <h2 id="file-heading">2. Choose the file and name the new partnership</h2>
        <form class="import-form" (submit)="preview($event)" novalidate data-testid="import-form">
          <div class="field wide">
            <label for="import-file">Plan file (XLSX or CSV, at most 2 MB)</label>
            <input id="import-file" name="file" type="file" accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" required (change)="fileChosen($event)" />
          </div>
          <div class="field">
            <label for="import-name">Name</label>
            <input id="import-name" name="name" type="text" required maxlength="300" [value]="name()" (input)="nameChanged($event)" placeholder="Partnership on Sustainable Tourism" />
          </div>
          <div class="field">
            <label for="import-key">Key (in addresses: ?partnership=key)</label>
            <input id="import-key" name="key" type="text" required maxlength="60" pattern="[a-z0-9][a-z0-9-]+" aria-describedby="import-key-hint" [value]="key()" (input)="keyChanged($event)" />
            <span id="import-key-hint" class="muted">Lower-case letters, digits and hyphens.</span>
          </div>
          <div class="field">
            <label for="import-deadline">Deadline</label>
            <input id="import-deadline" name="deadline" type="date" required [value]="deadline()" (input)="deadlineChanged($event)" />
          </div>
          <button type="submit" class="button" [disabled]="busy()">Preview</button>
        </form>
      </section>

      @if (failure(); as text) {
        <p class="error" role="alert" data-testid="import-failure">{{ text }}</p>
      }

      @if (result(); as r) {
        <section aria-labelledby="done-heading" data-testid="import-done">
          <h2 id="done-heading">Imported</h2>
          <p role="status">
            {{ r.partnership.name }} is created: {{ summaryText(r.summary) }}.
            <a [routerLink]="['/']" [queryParams]="{ partnership: r.partnership.key }" data-testid="open-chart">Open its chart</a>
          </p>
        </section>
      } @else if (previewed(); as p) {
        <section aria-labelledby="preview-heading" data-testid="import-preview">
          <h2 id="preview-heading">3. Check how the plan was read</h2>
          @if (p.problems.length > 0) {
            <div class="problems" role="alert" data-testid="import-problems">
              <p><strong>{{ p.problems.length }} {{ p.problems.length === 1 ? 'problem' : 'problems' }}: fix the file and preview again.</strong></p>
              <ul>
                @for (problem of p.problems; track $index) {
                  <li>{{ sentence(problem) }}</li>
                }
              </ul>
            </div>
          } @else {
            <p role="status" data-testid="import-ready">Ready to import {{ p.partnership.name }}: {{ summaryText(p.summary) }}.</p>
            <button type="button" class="button" (click)="import()" [disabled]="busy()" data-testid="import-button">Import and create the partnership</button>
          }
          <table class="data-table" data-testid="import-rows">
            <caption>
              Every row of the file ({{ p.rows.length }}), with how its window was read
            </caption>
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Action</th>
                <th scope="col">Type</th>
                <th scope="col">Title or organisation</th>
                <th scope="col">Parent</th>
                <th scope="col">Window as written</th>
                <th scope="col">Read as</th>
                <th scope="col">Problems</th>
              </tr>
            </thead>
            <tbody>
              @for (row of p.rows; track row.row) {
                <tr [class.has-problem]="row.problems.length > 0" [attr.data-row]="row.row">
                  <th scope="row">{{ row.row }}</th>
                  <td>{{ row.action ?? '' }}{{ row.actionTitle ? ': ' + row.actionTitle : '' }}</td>
                  <td>{{ row.type ?? '' }}</td>
                  <td>{{ label(row) }}</td>
                  <td>{{ row.parent ?? '' }}</td>
                  <td>{{ row.window?.words ?? '' }}</td>
                  <td data-testid="read-as">{{ readingOf(row.window) }}</td>
                  <td>{{ row.problems.length > 0 ? row.problems.join(' ') : 'None' }}</td>
                </tr>
              }
            </tbody>
          </table>
        </section>
      }
    }
  `,
  styles: `
    .import-form { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.75rem 1rem; align-items: end; max-width: 70rem; }
    .import-form input { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #6b7280; border-radius: 4px; }
    .import-form .wide { grid-column: 1 / -1; }
    .problems { border: 2px solid #b91c1c; border-radius: 4px; padding: 0.5rem 1rem; margin: 0.75rem 0; }
    tr.has-problem th,
    tr.has-problem td { background: #fef2f2; }
  `,
})
export class PlanImportPageComponent {
  readonly auth = inject(AuthService);
  private readonly api = inject(PlanImportService);
  private readonly partnerships = inject(PartnershipService);
  readonly allowed = computed(() => this.auth.user()?.role === 'secretariat');
  readonly readingOf = readingOf;

  readonly file = signal<File | null>(null);
  readonly name = signal('');
  readonly key = signal('');
  readonly deadline = signal('');
  private keyTyped = false;
  readonly busy = signal(false);
  readonly previewed = signal<PlanImportPreview | null>(null);
  readonly result = signal<PlanImportResult | null>(null);
  readonly failure = signal<string | null>(null);

  constructor() {
    if (!this.auth.checked()) {
      void this.auth.refresh();
    }
  }

  fileChosen(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.[0] ?? null);
    this.changed();
  }

  nameChanged(event: Event): void {
    this.name.set((event.target as HTMLInputElement).value);
    if (!this.keyTyped) {
      this.key.set(keyFromName(this.name()));
    }
    this.changed();
  }

  keyChanged(event: Event): void {
    this.key.set((event.target as HTMLInputElement).value.trim());
    this.keyTyped = this.key() !== '';
    this.changed();
  }

  deadlineChanged(event: Event): void {
    this.deadline.set((event.target as HTMLInputElement).value);
    this.changed();
  }

  /** Anything changed after a preview: preview again before importing. */
  private changed(): void {
    this.previewed.set(null);
    this.result.set(null);
    this.failure.set(null);
  }

  private partnership(): NewPartnership | string {
    if (!this.file()) {
      return 'Choose the plan file (XLSX or CSV).';
    }
    if (this.name().trim() === '') {
      return 'Write the name of the new partnership.';
    }
    if (!/^[a-z0-9][a-z0-9-]{1,59}$/.test(this.key())) {
      return 'The key must be 2 to 60 lower-case letters, digits and hyphens, e.g. sustainable-tourism.';
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(this.deadline())) {
      return 'Give the deadline of the new partnership.';
    }
    return { key: this.key(), name: this.name().trim(), deadline: this.deadline() };
  }

  async preview(event: Event): Promise<void> {
    event.preventDefault();
    this.changed();
    const partnership = this.partnership();
    if (typeof partnership === 'string') {
      this.failure.set(partnership);
      return;
    }
    this.busy.set(true);
    try {
      this.previewed.set(await this.api.preview(this.file()!, partnership));
    } catch (error) {
      this.failure.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }

  async import(): Promise<void> {
    const partnership = this.partnership();
    if (typeof partnership === 'string') {
      this.failure.set(partnership);
      return;
    }
    this.busy.set(true);
    this.failure.set(null);
    try {
      this.result.set(await this.api.import(this.file()!, partnership));
      this.partnerships.reload();
    } catch (error) {
      const problems = error instanceof HttpErrorResponse ? (error.error?.problems as PlanImportProblem[] | undefined) : undefined;
      if (problems && this.previewed()) {
        this.previewed.set({ ...this.previewed()!, ok: false, problems });
      }
      this.failure.set(`Nothing was imported. ${errorMessage(error)}`);
    } finally {
      this.busy.set(false);
    }
  }

  sentence(problem: PlanImportProblem): string {
    return problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
  }

  label(row: PlanImportRow): string {
    if (row.type === 'co-leader' || row.type === 'member') {
      const where = row.country ? ` (${row.country})` : '';
      const known = row.organisationExists === null ? '' : row.organisationExists ? ', already in the tracker' : ', new';
      return `${row.organisation ?? ''}${where}${known}`;
    }
    return row.title ?? '';
  }

  summaryText(summary: PlanImportPreview['summary']): string {
    const parts = [
      `${summary.actions} Action${summary.actions === 1 ? '' : 's'}`,
      `${summary.activities} activities`,
      `${summary.steps} steps`,
      `${summary.outputs} outputs`,
      `${summary.coLeaders} co-leaders`,
      `${summary.members} members`,
    ];
    const created = summary.newOrganisations.length;
    return `${parts.join(', ')}; ${created} new organisation${created === 1 ? '' : 's'}`;
  }
}
