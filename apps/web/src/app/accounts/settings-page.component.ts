import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { DigestSetting, PrivateFeed, Profile } from '@tracker/contracts';
import { AuthService } from '../auth/auth.service';
import { formatInstant } from '../risks/monitoring-labels';
import { AccountsService, errorMessage } from './accounts.service';

/**
 * Everyone's own settings: the name others see, reminder mails (weekly or off), and the secret
 * address of their private calendar (the plan with monitoring calls and follow-ups), made, replaced
 * or revoked here; the address is shown once.
 */
@Component({
  selector: 'wp-settings-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header"><h1>Your settings</h1></header>
    @if (!auth.user()) {
      <p>Sign in to change your settings.</p>
    } @else if (profile(); as p) {
      <form class="sign-in" (submit)="submit($event)" novalidate>
        @if (message(); as m) {
          <p [class.error]="m.error" [attr.role]="m.error ? 'alert' : 'status'" data-testid="settings-outcome">{{ m.text }}</p>
        }
        <p>Email: {{ p.email }}</p>
        <div class="field">
          <label for="settings-name">Your name</label>
          <input id="settings-name" name="name" type="text" autocomplete="name" required [value]="p.name" />
        </div>
        <div class="field">
          <label for="settings-digest">Reminder mails</label>
          <select id="settings-digest" name="digest">
            <option value="weekly" [selected]="p.digest === 'weekly'">Weekly digest on Monday, and follow-ups falling due</option>
            <option value="off" [selected]="p.digest === 'off'">Off: no reminder mails</option>
          </select>
        </div>
        <button type="submit" class="button">Save</button>
      </form>

      <section aria-labelledby="private-feed-title" class="private-feed" data-testid="private-feed">
        <h2 id="private-feed-title">Your private calendar</h2>
        <p>
          The Work Plan with the monitoring calls and the follow-ups that have a due date, for your calendar application. Its address is a secret: anyone who
          has it can read the feed, so keep it to yourself, and make a new one (the old one stops working) or revoke it if it leaks.
        </p>
        <p role="status" data-testid="private-feed-state">
          {{ feedIssuedAt() ? 'You have a private calendar address, made ' + instant(feedIssuedAt()!) + '.' : 'You have no private calendar address.' }}
        </p>
        @if (feed(); as f) {
          <div class="field">
            <label for="private-feed-url">Your private calendar address (shown once: copy it now)</label>
            <input id="private-feed-url" type="text" readonly size="60" [value]="f.url" data-testid="private-feed-url" />
          </div>
          <p><a [href]="f.webcal">Subscribe to your private calendar</a></p>
        }
        <button type="button" class="button" (click)="issueFeed()">{{ feedIssuedAt() ? 'Make a new address' : 'Make a private calendar address' }}</button>
        @if (feedIssuedAt()) {
          <button type="button" class="button secondary" (click)="revokeFeed()">Revoke the address</button>
        }
      </section>
    }
  `,
})
export class SettingsPageComponent {
  readonly auth = inject(AuthService);
  private readonly accounts = inject(AccountsService);
  readonly profile = signal<Profile | null>(null);
  readonly message = signal<{ text: string; error: boolean } | null>(null);
  /** The private calendar: when its live address was made, and the address just made (shown once). */
  readonly feedIssuedAt = signal<string | null>(null);
  readonly feed = signal<PrivateFeed | null>(null);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.auth.checked()) {
      await this.auth.refresh();
    }
    if (this.auth.user()) {
      const [profile, feed] = await Promise.all([this.accounts.profile(), this.accounts.privateFeedState()]);
      this.feedIssuedAt.set(feed.issuedAt);
      this.profile.set(profile);
    }
  }

  instant(iso: string): string {
    return formatInstant(iso);
  }

  async issueFeed(): Promise<void> {
    try {
      const feed = await this.accounts.issuePrivateFeed();
      this.feed.set(feed);
      this.feedIssuedAt.set(feed.issuedAt);
      this.message.set({ text: 'Your private calendar has a new address; any earlier one stopped working.', error: false });
      setTimeout(() => document.getElementById('private-feed-url')?.focus());
    } catch (error) {
      this.message.set({ text: errorMessage(error), error: true });
    }
  }

  async revokeFeed(): Promise<void> {
    try {
      await this.accounts.revokePrivateFeed();
      this.feed.set(null);
      this.feedIssuedAt.set(null);
      this.message.set({ text: 'Your private calendar address is revoked: calendars using it get nothing more.', error: false });
    } catch (error) {
      this.message.set({ text: errorMessage(error), error: true });
    }
  }

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    try {
      const profile = await this.accounts.updateProfile({ name: String(form.get('name') ?? ''), digest: String(form.get('digest')) as DigestSetting });
      this.profile.set(profile);
      await this.auth.refresh();
      this.message.set({ text: 'Saved.', error: false });
    } catch (error) {
      this.message.set({ text: errorMessage(error), error: true });
    }
  }
}
