import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { Organisation, OrganisationRef } from '@tracker/contracts';
import { catchError, of, switchMap } from 'rxjs';
import { PartnershipService } from '../partnership/partnership.service';
import { NOTE_KIND_LABELS, ORGANISATION_TYPE_LABELS, ROLE_LABELS } from '../plan/labels';
import { PlanService } from '../plan/plan.service';
import { webcalHref } from '../plan/webcal';

/** Every organisation, its other names, its type, and the Actions it leads or joins. */
@Component({
  selector: 'wp-organisations-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <header class="page-header">
      <h1>Organisations</h1>
      <p class="lede">Members of the Partnership and the bodies named in the Work Plan, each once, with the other names the plan uses for them.</p>
    </header>
    @if (partnership(); as p) {
      <section aria-labelledby="partnership-title" data-testid="partnership-facts">
        <h2 id="partnership-title">The Partnership</h2>
        <dl class="details-list">
          <dt>Coordinators</dt><dd>{{ names(p.coordinators) }}</dd>
          <dt>Current members ({{ p.members.length }}, Table 1)</dt><dd>{{ names(p.members) }}</dd>
          <dt>Deadline of the current phase</dt><dd>{{ p.deadline }}</dd>
          <dt>Source</dt><dd>Work Plan section {{ p.source }}</dd>
        </dl>
        <h3>What the plan says about itself</h3>
        <ul class="plan-notes">
          @for (note of p.notes; track $index) {
            <li><strong>{{ noteKindLabels[note.kind] }}:</strong> {{ note.text }} <span class="muted">(section {{ note.source }})</span></li>
          }
        </ul>
      </section>
    }
    <div class="field">
      <label for="org-search">Find an organisation</label>
      <input id="org-search" type="search" [value]="search()" (input)="search.set($any($event.target).value)" autocomplete="off" />
    </div>
    @if (failed()) { <p class="error" role="alert">The organisations could not be loaded. Reload the page to try again.</p> }
    <div class="table-scroll" tabindex="0" role="region" aria-label="Scrollable table">
    <table class="data-table" data-testid="organisations-table">
      <caption>{{ shown().length }} organisations</caption>
      <thead><tr><th scope="col">Name</th><th scope="col">Also written</th><th scope="col">Type</th><th scope="col">Country</th><th scope="col">Role in the Partnership</th><th scope="col">Actions</th></tr></thead>
      <tbody>
        @for (org of shown(); track org.id) {
          <tr>
            <th scope="row">{{ org.name }}</th>
            <td>{{ org.aliases.join('; ') || '—' }}</td>
            <td>
              {{ typeLabels[org.type] }}
              @for (note of org.notes; track $index) { <p class="muted note-text" data-testid="organisation-note">{{ note.text }} (section {{ note.source }})</p> }
            </td>
            <td>{{ org.country ?? '—' }}</td>
            <td>{{ org.coordinator ? 'Coordinator' : org.partnershipMember ? 'Member' : 'Not a member' }}</td>
            <td>
              <ul class="plain-list">
                @for (p of org.actions; track p.actionNumber + p.role) {
                  <li><a [routerLink]="['/actions', p.actionNumber]">Action {{ p.actionNumber }} · {{ p.shortName }}</a>: {{ roleLabels[p.role] }}</li>
                } @empty { <li class="muted">None</li> }
              </ul>
              @if (org.actions.length) {
                <a class="calendar-link" [href]="webcal(calendarPath(org.id))" [attr.aria-label]="'Subscribe to its calendar: ' + org.name">Subscribe to its calendar</a>
              }
            </td>
          </tr>
        }
      </tbody>
    </table>
    </div>
  `,
})
export class OrganisationsPageComponent {
  readonly webcal = (path: string) => webcalHref(path);
  private readonly plan = inject(PlanService);
  readonly typeLabels = ORGANISATION_TYPE_LABELS;
  readonly roleLabels = ROLE_LABELS;
  readonly noteKindLabels = NOTE_KIND_LABELS;
  private readonly partnerships = inject(PartnershipService);
  /** `?partnership=` of the partnership shown, for the API and the calendar links. */
  private readonly params = toObservable(this.partnerships.linkParams);
  readonly partnership = toSignal(this.params.pipe(switchMap((params) => this.plan.partnership(params).pipe(catchError(() => of(null))))));
  readonly search = signal('');
  private readonly organisations = toSignal(this.params.pipe(switchMap((params) => this.plan.organisations(params).pipe(catchError(() => of(null))))));
  readonly failed = computed(() => this.organisations() === null);
  calendarPath(organisationId: string): string {
    const key = this.partnerships.linkParams()['partnership'];
    return `/api/calendar/organisations/${organisationId}.ics${key ? `?partnership=${encodeURIComponent(key)}` : ''}`;
  }
  names(organisations: OrganisationRef[]): string {
    return organisations.map((o) => o.name).join('; ');
  }
  readonly shown = computed(() => {
    const needle = this.search().trim().toLowerCase();
    const all: Organisation[] = this.organisations() ?? [];
    return needle ? all.filter((o) => [o.name, ...o.aliases].some((n) => n.toLowerCase().includes(needle))) : all;
  });
}
