import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { ROLES, type Account, type Organisation, type OutboxMail, type Role } from '@tracker/contracts';
import { ACCOUNT_ROLE_LABELS, byName } from '../plan/labels';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { PartnershipService } from '../partnership/partnership.service';
import { PlanService } from '../plan/plan.service';
import { AccountsService, errorMessage } from './accounts.service';

const STATUS_LABELS: Record<Account['status'], string> = { invited: 'Invited (no password yet)', active: 'Active', deactivated: 'Deactivated' };
const MAIL_STATUS: Record<OutboxMail['status'], string> = {
  outbox: 'In the outbox (no SMTP server set)',
  pending: 'Sending',
  sent: 'Sent',
  failed: 'Failed, will retry',
};

/** The Secretariat's account management: invite, change, deactivate; and the mail outbox. */
@Component({
  selector: 'wp-accounts-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header"><h1>Accounts</h1></header>
    @if (!allowed()) {
      <p>Only the Secretariat manages accounts. @if (!auth.user()) { Sign in first. }</p>
    } @else {
      <section aria-labelledby="invite-heading">
        <h2 id="invite-heading">Invite a person</h2>
        <p class="muted">They get a mail with a link to set their password; it works once, for 48 hours.</p>
        <form class="invite-form" (submit)="invite($event)" novalidate data-testid="invite-form">
          @if (outcome(); as o) {
            <p [class.error]="o.error" [attr.role]="o.error ? 'alert' : 'status'" data-testid="invite-outcome">{{ o.text }}</p>
          }
          <div class="field"><label for="invite-email">Email</label><input id="invite-email" name="email" type="email" required /></div>
          <div class="field"><label for="invite-name">Name</label><input id="invite-name" name="name" type="text" required /></div>
          <div class="field">
            <label for="invite-role">Role</label>
            <select id="invite-role" name="role">
              @for (r of roles; track r) { <option [value]="r" [selected]="r === 'member'">{{ roleLabel(r) }}</option> }
            </select>
          </div>
          <div class="field">
            <label for="invite-organisation">Organisation</label>
            <select id="invite-organisation" name="organisationId">
              @for (o of organisations(); track o.id) { <option [value]="o.id">{{ o.name }}</option> }
            </select>
          </div>
          <fieldset class="check-group">
            <legend>Actions they work on</legend>
            @for (n of actionNumbers; track n) {
              <label class="check"><input type="checkbox" name="action" [value]="n" /> Action {{ n }}</label>
            }
          </fieldset>
          <button type="submit" class="button">Send the invitation</button>
        </form>
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">People</h2>
        <table class="data-table" data-testid="accounts-table">
          <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Organisation</th><th scope="col">Actions</th><th scope="col">Status</th><th scope="col">Change</th></tr></thead>
          <tbody>
            @for (a of accounts(); track a.id) {
              <tr [attr.data-email]="a.email">
                <th scope="row">{{ a.name }}</th>
                <td>{{ a.email }}</td>
                <td>
                  @if (a.status === 'deactivated') { {{ roleLabel(a.role) }} } @else {
                    <label class="visually-hidden" [for]="'role-' + a.id">Role of {{ a.name }}</label>
                    <select [id]="'role-' + a.id" (change)="change(a, { role: value($event) })">
                      @for (r of roles; track r) { <option [value]="r" [selected]="r === a.role">{{ roleLabel(r) }}</option> }
                    </select>
                  }
                </td>
                <td>
                  @if (a.status === 'deactivated') { {{ a.organisation.name }} } @else {
                    <label class="visually-hidden" [for]="'org-' + a.id">Organisation of {{ a.name }}</label>
                    <select [id]="'org-' + a.id" (change)="change(a, { organisationId: value($event) })">
                      @for (o of organisations(); track o.id) { <option [value]="o.id" [selected]="o.id === a.organisation.id">{{ o.name }}</option> }
                    </select>
                  }
                </td>
                <td>
                  @for (n of actionNumbers; track n) {
                    <label class="check"><input type="checkbox" [checked]="a.actionNumbers.includes(n)" [disabled]="a.status === 'deactivated'" (change)="toggleAction(a, n)" /> <span class="visually-hidden">{{ a.name }}:</span> Action {{ n }}</label>
                  }
                </td>
                <td data-testid="account-status">{{ statusLabel(a.status) }}</td>
                <td>
                  @if (a.status === 'invited') {
                    <button type="button" class="link-button" (click)="resend(a)">Send the invitation again</button>
                  }
                  @if (a.status !== 'deactivated' && a.id !== auth.user()?.id) {
                    @if (confirming() === a.id) {
                      <span>Deactivate {{ a.name }}? Their sessions end at once.</span>
                      <button type="button" class="button" (click)="deactivate(a)">Yes, deactivate</button>
                      <button type="button" class="button secondary" (click)="confirming.set(null)">Keep</button>
                    } @else {
                      <button type="button" class="button secondary" (click)="confirming.set(a.id)" [attr.aria-label]="'Deactivate ' + a.name">Deactivate</button>
                    }
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </section>

      <section aria-labelledby="outbox-heading">
        <h2 id="outbox-heading">Mail outbox</h2>
        <p class="muted">Every mail the tracker wrote, newest first. Without an SMTP server (SMTP_URL), mail stays here: open one to read it and pass its link on.</p>
        <button type="button" class="button secondary" (click)="loadOutbox()">Refresh</button>
        <ul class="outbox" data-testid="outbox">
          @for (m of outbox(); track m.id) {
            <li>
              <details>
                <summary>{{ m.createdAt.slice(0, 16).replace('T', ' ') }} UTC · to {{ m.to }} · {{ m.subject }} · {{ mailStatus(m.status) }}</summary>
                <pre class="mail-text">{{ m.text }}</pre>
              </details>
            </li>
          } @empty {
            <li>No mail yet.</li>
          }
        </ul>
      </section>
    }
  `,
  styles: `
    .invite-form { display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.75rem 1rem; align-items: end; max-width: 70rem; }
    .invite-form input { font: inherit; padding: 0.35rem 0.5rem; border: 1px solid #6b7280; border-radius: 4px; }
    .check-group { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; }
    .check-group legend { font-weight: 600; }
    .outbox { list-style: none; padding: 0; }
    .outbox li { border-bottom: 1px solid var(--line); padding: 0.35rem 0; }
    .mail-text { white-space: pre-wrap; background: var(--panel); padding: 0.5rem; }
    td select { min-width: 10rem; }
  `,
})
export class AccountsPageComponent {
  readonly auth = inject(AuthService);
  private readonly accountsApi = inject(AccountsService);
  private readonly partnerships = inject(PartnershipService);
  private readonly plan = inject(PlanService);
  readonly roles = ROLES;
  readonly actionNumbers = [1, 2, 3, 4];
  readonly accounts = signal<Account[]>([]);
  readonly organisations = signal<Organisation[]>([]);
  readonly outbox = signal<OutboxMail[]>([]);
  readonly outcome = signal<{ text: string; error: boolean } | null>(null);
  readonly confirming = signal<string | null>(null);
  readonly allowed = computed(() => this.auth.user()?.role === 'secretariat');

  constructor() {
    void this.load();
  }

  roleLabel(role: Role): string {
    return ACCOUNT_ROLE_LABELS[role];
  }

  statusLabel(status: Account['status']): string {
    return STATUS_LABELS[status];
  }

  mailStatus(status: OutboxMail['status']): string {
    return MAIL_STATUS[status];
  }

  value(event: Event): string {
    return (event.target as HTMLSelectElement).value;
  }

  private async load(): Promise<void> {
    if (!this.auth.checked()) {
      await this.auth.refresh();
    }
    if (!this.allowed()) {
      return;
    }
    const [accounts, organisations] = await Promise.all([this.accountsApi.list(), firstValueFrom(this.plan.organisations(this.partnerships.apiParams()))]);
    this.organisations.set([...organisations].sort(byName));
    this.accounts.set(accounts);
    await this.loadOutbox();
  }

  async loadOutbox(): Promise<void> {
    this.outbox.set(await this.accountsApi.outbox());
  }

  async invite(event: Event): Promise<void> {
    event.preventDefault();
    const formElement = event.target as HTMLFormElement;
    const form = new FormData(formElement);
    try {
      const account = await this.accountsApi.invite({
        email: String(form.get('email') ?? '').trim(),
        name: String(form.get('name') ?? '').trim(),
        role: String(form.get('role')) as Role,
        organisationId: String(form.get('organisationId')),
        actionNumbers: form.getAll('action').map(Number),
      });
      this.outcome.set({ text: `Invitation sent to ${account.email}.`, error: false });
      formElement.reset();
      await this.refresh();
    } catch (error) {
      this.outcome.set({ text: errorMessage(error), error: true });
    }
  }

  async change(account: Account, update: { role?: string; organisationId?: string }): Promise<void> {
    await this.run(() => this.accountsApi.update(account.id, update as { role?: Role; organisationId?: string }), `${account.name} changed.`);
  }

  async toggleAction(account: Account, n: number): Promise<void> {
    const actionNumbers = account.actionNumbers.includes(n) ? account.actionNumbers.filter((x) => x !== n) : [...account.actionNumbers, n];
    await this.run(() => this.accountsApi.update(account.id, { actionNumbers }), `${account.name} changed.`);
  }

  async resend(account: Account): Promise<void> {
    await this.run(() => this.accountsApi.resendInvitation(account.id), `A new invitation is on its way to ${account.email}.`);
  }

  async deactivate(account: Account): Promise<void> {
    this.confirming.set(null);
    await this.run(() => this.accountsApi.deactivate(account.id), `${account.name} is deactivated.`);
  }

  private async run(work: () => Promise<unknown>, success: string): Promise<void> {
    try {
      await work();
      this.outcome.set({ text: success, error: false });
    } catch (error) {
      this.outcome.set({ text: errorMessage(error), error: true });
    }
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    this.accounts.set(await this.accountsApi.list());
    await this.loadOutbox();
  }
}
