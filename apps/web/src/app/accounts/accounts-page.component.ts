import { ChangeDetectionStrategy, Component, type ElementRef, computed, inject, signal, viewChild } from '@angular/core';
import { LEAST_PRIVILEGED_ROLE, type Account, type Organisation, type OutboxMail, type Role } from '@tracker/contracts';
import { ACCOUNT_ROLE_LABELS, byName } from '../plan/labels';
import { firstValueFrom } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { PartnershipService } from '../partnership/partnership.service';
import { PlanService } from '../plan/plan.service';
import { AccountsService, errorMessage } from './accounts.service';

const STATUS_LABELS: Record<Account['status'], string> = { invited: 'Invited (no password yet)', active: 'Active', deactivated: 'Deactivated' };
/** The menus list the roles from the least privilege up, so a fallback to the first is never a promotion. */
const ROLES_LEAST_FIRST: readonly Role[] = ['member', 'coordinator', 'co_leader', 'secretariat'];
const ORGANISATION_MISSING = "Choose the person's organisation: every account belongs to one, and a co-leader's edit rights follow it.";

/** A change of role or organisation waiting for the Secretariat's yes. */
interface PendingChange {
  account: Account;
  update: { role?: Role; organisationId?: string };
  /** The menu that asked, and its value before: put back on cancel. */
  menu: HTMLSelectElement;
  previous: string;
  question: string;
  consequence: string;
  confirm: string;
}

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
            <!-- The selected attribute (not only the property) makes Member what a reset of the form returns to. -->
            <select id="invite-role" name="role">
              @for (r of roles; track r) { <option [value]="r" [attr.selected]="r === leastRole ? '' : null">{{ roleLabel(r) }}</option> }
            </select>
          </div>
          <div class="field">
            <label for="invite-organisation">Organisation</label>
            <select
              id="invite-organisation"
              name="organisationId"
              required
              [attr.aria-invalid]="organisationMissing() ? 'true' : null"
              [attr.aria-describedby]="organisationMissing() ? 'invite-organisation-error' : null"
              (change)="organisationMissing.set(false)"
            >
              <option value="" selected>Choose an organisation</option>
              @for (o of organisations(); track o.id) { <option [value]="o.id">{{ o.name }}</option> }
            </select>
            @if (organisationMissing()) { <p id="invite-organisation-error" class="error" data-testid="invite-organisation-error">{{ organisationMissingText }}</p> }
          </div>
          <fieldset class="check-group" aria-describedby="invite-digest-hint">
            <legend>Weekly digest of</legend>
            @for (n of actionNumbers; track n) {
              <label class="check"><input type="checkbox" name="action" [value]="n" /> Action {{ n }}</label>
            }
            <p id="invite-digest-hint" class="muted hint">A co-leader's digest follows the ticked Actions (none ticked: those their organisation co-leads). What they can edit follows their role and organisation, not these ticks.</p>
          </fieldset>
          <button type="submit" class="button">Send the invitation</button>
        </form>
      </section>

      <section aria-labelledby="list-heading">
        <h2 id="list-heading">People</h2>
        <table class="data-table" data-testid="accounts-table">
          <thead>
            <tr>
              <th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Organisation</th><th scope="col">Can edit</th>
              <th scope="col">Weekly digest of</th><th scope="col">Status</th><th scope="col">Change</th>
            </tr>
          </thead>
          <tbody>
            @for (a of accounts(); track a.id) {
              <tr [attr.data-email]="a.email">
                <th scope="row">{{ a.name }}</th>
                <td>{{ a.email }}</td>
                <td>
                  @if (a.status === 'deactivated') { {{ roleLabel(a.role) }} } @else {
                    <label class="visually-hidden" [for]="'role-' + a.id">Role of {{ a.name }}</label>
                    <select [id]="'role-' + a.id" (change)="askRole(a, $event)">
                      @for (r of roles; track r) { <option [value]="r" [selected]="r === a.role">{{ roleLabel(r) }}</option> }
                    </select>
                  }
                </td>
                <td>
                  @if (a.status === 'deactivated') { {{ a.organisation.name }} } @else {
                    <label class="visually-hidden" [for]="'org-' + a.id">Organisation of {{ a.name }}</label>
                    <select [id]="'org-' + a.id" (change)="askOrganisation(a, $event)">
                      @for (o of organisations(); track o.id) { <option [value]="o.id" [selected]="o.id === a.organisation.id">{{ o.name }}</option> }
                    </select>
                  }
                </td>
                <td data-testid="can-edit">{{ editWords(a) }}</td>
                <td class="digest" data-testid="digest">
                  @if (a.role === 'co_leader' && a.status !== 'deactivated') {
                    @for (n of actionNumbers; track n) {
                      <label class="check"><input type="checkbox" [checked]="a.actionNumbers.includes(n)" (change)="toggleAction(a, n)" /> <span class="visually-hidden">Weekly digest of {{ a.name }}:</span> Action {{ n }}</label>
                    }
                  }
                  @if (digestNote(a); as note) { <span class="muted digest-note">{{ note }}</span> }
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

      <dialog
        #confirmDialog
        class="details-dialog"
        aria-labelledby="confirm-change-title"
        aria-describedby="confirm-change-text"
        data-testid="confirm-change"
        (close)="closed()"
      >
        <h2 id="confirm-change-title">{{ pending()?.question }}</h2>
        <p id="confirm-change-text">{{ pending()?.consequence }}</p>
        <div class="dialog-actions">
          <button type="button" class="button" (click)="confirmChange()">{{ pending()?.confirm }}</button>
          <button type="button" class="button secondary" autofocus (click)="cancelChange()">Cancel</button>
        </div>
      </dialog>

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
    .invite-form > [data-testid='invite-outcome'],
    .invite-form > .check-group { grid-column: 1 / -1; }
    td select { min-width: 10rem; max-width: 16rem; }
    .hint { flex-basis: 100%; margin: 0.25rem 0 0; font-size: 0.9rem; }
    .digest { min-width: 13rem; }
    .digest-note { display: block; font-size: 0.9rem; }
    .dialog-actions { display: flex; gap: 0.75rem; justify-content: flex-end; margin-top: 1rem; }
  `,
})
export class AccountsPageComponent {
  readonly auth = inject(AuthService);
  private readonly accountsApi = inject(AccountsService);
  private readonly partnerships = inject(PartnershipService);
  private readonly plan = inject(PlanService);
  readonly roles = ROLES_LEAST_FIRST;
  readonly leastRole = LEAST_PRIVILEGED_ROLE;
  readonly organisationMissingText = ORGANISATION_MISSING;
  readonly actionNumbers = [1, 2, 3, 4];
  readonly accounts = signal<Account[]>([]);
  readonly organisations = signal<Organisation[]>([]);
  readonly outbox = signal<OutboxMail[]>([]);
  readonly outcome = signal<{ text: string; error: boolean } | null>(null);
  readonly confirming = signal<string | null>(null);
  readonly organisationMissing = signal(false);
  readonly pending = signal<PendingChange | null>(null);
  private readonly confirmDialog = viewChild<ElementRef<HTMLDialogElement>>('confirmDialog');
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

  /** What the person may change, as the API's permission table answers it. */
  editWords(account: Account): string {
    if (account.status === 'deactivated') {
      return 'Nothing (deactivated)';
    }
    if (account.editableActions.length === 0) {
      return 'Nothing (reads only)';
    }
    return account.editableActions.length === this.actionNumbers.length ? 'Every Action' : actionWords(account.editableActions);
  }

  /** What the weekly digest covers, where the ticks alone do not say it. */
  digestNote(account: Account): string | null {
    if (account.status === 'deactivated') {
      return 'No mail';
    }
    if (account.digest === 'off') {
      return 'Off: they turned reminder mails off';
    }
    if (account.status === 'invited') {
      return 'None until they set a password';
    }
    if (account.role === 'secretariat') {
      return 'The whole plan';
    }
    if (account.role !== 'co_leader') {
      return 'None: digests are for co-leaders and the Secretariat';
    }
    if (account.actionNumbers.length > 0) {
      return null;
    }
    return account.editableActions.length > 0 ? `None ticked: ${actionWords(account.editableActions)}, which their organisation co-leads` : 'None ticked';
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
    const organisationId = String(form.get('organisationId') ?? '');
    if (organisationId === '') {
      this.outcome.set(null);
      this.organisationMissing.set(true);
      menuOf(formElement, 'organisationId').focus();
      return;
    }
    try {
      const account = await this.accountsApi.invite({
        email: String(form.get('email') ?? '').trim(),
        name: String(form.get('name') ?? '').trim(),
        role: String(form.get('role') ?? LEAST_PRIVILEGED_ROLE) as Role,
        organisationId,
        actionNumbers: form.getAll('action').map(Number),
      });
      this.outcome.set({ text: `Invitation sent to ${account.email}.`, error: false });
      // The next invitation starts from nothing given: the least privilege and no organisation.
      formElement.reset();
      menuOf(formElement, 'role').value = LEAST_PRIVILEGED_ROLE;
      menuOf(formElement, 'organisationId').value = '';
      await this.refresh();
    } catch (error) {
      this.outcome.set({ text: errorMessage(error), error: true });
    }
  }

  /** A new role is asked about first: what it lets the person do, and that their sessions end. */
  askRole(account: Account, event: Event): void {
    const menu = event.target as HTMLSelectElement;
    const role = menu.value as Role;
    this.ask({
      account,
      update: { role },
      menu,
      previous: account.role,
      question: `Make ${account.name} ${this.roleLabel(role)}?`,
      consequence: `${this.rights(role, account.organisation.id)}; their current sessions end.`,
      confirm: `Make them ${this.roleLabel(role)}`,
    });
  }

  /** So is a new organisation: a co-leader's edit rights follow it. */
  askOrganisation(account: Account, event: Event): void {
    const menu = event.target as HTMLSelectElement;
    const organisationId = menu.value;
    const name = this.organisations().find((o) => o.id === organisationId)?.name ?? 'another organisation';
    this.ask({
      account,
      update: { organisationId },
      menu,
      previous: account.organisation.id,
      question: `Move ${account.name} to ${name}?`,
      consequence: `As ${this.roleLabel(account.role).toLowerCase()}: ${lowerFirst(this.rights(account.role, organisationId))}; their current sessions end.`,
      confirm: 'Move them',
    });
  }

  async confirmChange(): Promise<void> {
    const pending = this.pending();
    if (!pending) {
      return;
    }
    this.pending.set(null);
    this.confirmDialog()?.nativeElement.close();
    pending.menu.focus();
    await this.run(() => this.accountsApi.update(pending.account.id, pending.update), `${pending.account.name} changed.`);
  }

  cancelChange(): void {
    this.confirmDialog()?.nativeElement.close();
  }

  /** The dialog closed without a yes (Cancel or Escape): the menu shows what is saved again. */
  closed(): void {
    const pending = this.pending();
    if (pending) {
      this.pending.set(null);
      pending.menu.value = pending.previous;
      pending.menu.focus();
    }
  }

  private ask(change: PendingChange): void {
    this.pending.set(change);
    this.confirmDialog()?.nativeElement.showModal();
  }

  /** What a role in an organisation lets a person do, in a sentence. */
  private rights(role: Role, organisationId: string): string {
    switch (role) {
      case 'secretariat':
        return 'They will be able to change every Action and manage accounts';
      case 'coordinator':
        return 'They will read everything, the risk view included, and change nothing';
      case 'member':
        return 'They will read the plan and change nothing';
      case 'co_leader': {
        const organisation = this.organisations().find((o) => o.id === organisationId);
        const coLed = (organisation?.actions ?? []).filter((a) => a.role === 'co_leader').map((a) => a.actionNumber);
        const name = organisation?.name ?? 'their organisation';
        return coLed.length > 0
          ? `They will be able to change ${actionWords(coLed)}, which ${name} co-leads`
          : `They will change nothing: ${name} co-leads no Action`;
      }
    }
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

function actionWords(numbers: readonly number[]): string {
  return numbers.length === 1 ? `Action ${numbers[0]}` : `Actions ${numbers.join(', ')}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function menuOf(form: HTMLFormElement, name: string): HTMLSelectElement {
  return form.elements.namedItem(name) as HTMLSelectElement;
}
