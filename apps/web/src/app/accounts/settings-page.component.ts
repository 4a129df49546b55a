import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import type { DigestSetting, Profile } from '@tracker/contracts';
import { AuthService } from '../auth/auth.service';
import { AccountsService, errorMessage } from './accounts.service';

/** Everyone's own settings: the name others see, and reminder mails (weekly or off). */
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
    }
  `,
})
export class SettingsPageComponent {
  readonly auth = inject(AuthService);
  private readonly accounts = inject(AccountsService);
  readonly profile = signal<Profile | null>(null);
  readonly message = signal<{ text: string; error: boolean } | null>(null);

  constructor() {
    void this.load();
  }

  private async load(): Promise<void> {
    if (!this.auth.checked()) {
      await this.auth.refresh();
    }
    if (this.auth.user()) {
      this.profile.set(await this.accounts.profile());
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
