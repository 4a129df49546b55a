import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { map } from 'rxjs';
import { AccountsService, errorMessage } from './accounts.service';

/** Where a mailed link lands: an invitation (`/invitation?token=`) or a password reset (`/reset-password?token=`). */
@Component({
  selector: 'wp-set-password-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header"><h1>{{ kind() === 'invitation' ? 'Welcome: choose your password' : 'Choose a new password' }}</h1></header>
    @if (done(); as email) {
      <p role="status" data-testid="password-set">Your password is set for {{ email }}. <a routerLink="/sign-in">Sign in</a>.</p>
    } @else if (!token()) {
      <p class="error" role="alert">This page needs the link from your mail. <a routerLink="/forgot-password">Ask for a new link</a>.</p>
    } @else {
      <form class="sign-in" (submit)="submit($event)" novalidate>
        @if (error(); as message) {
          <p class="error" role="alert" id="set-password-error">{{ message }}</p>
        }
        <div class="field">
          <label for="new-password">New password (at least 12 characters)</label>
          <input id="new-password" name="password" type="password" autocomplete="new-password" required minlength="12" [attr.aria-describedby]="error() ? 'set-password-error' : null" />
        </div>
        <div class="field">
          <label for="repeat-password">Repeat the password</label>
          <input id="repeat-password" name="repeat" type="password" autocomplete="new-password" required />
        </div>
        <button type="submit" class="button" [disabled]="busy()">Set password</button>
      </form>
      <p><a routerLink="/forgot-password">The link does not work? Ask for a new one</a></p>
    }
  `,
})
export class SetPasswordPageComponent {
  private readonly accounts = inject(AccountsService);
  private readonly route = inject(ActivatedRoute);
  readonly kind = toSignal(this.route.data.pipe(map((d) => (d['kind'] as 'invitation' | 'reset') ?? 'invitation')), { initialValue: 'invitation' as const });
  readonly token = toSignal(this.route.queryParamMap.pipe(map((q) => q.get('token') ?? '')), { initialValue: '' });
  readonly error = signal<string | null>(null);
  readonly busy = signal(false);
  readonly done = signal<string | null>(null);

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const password = String(form.get('password') ?? '');
    if (password.length < 12) {
      this.error.set('The password must be at least 12 characters long.');
      return;
    }
    if (password !== String(form.get('repeat') ?? '')) {
      this.error.set('The two passwords differ.');
      return;
    }
    this.busy.set(true);
    try {
      const result = await this.accounts.setPassword(this.kind(), this.token(), password);
      this.error.set(null);
      this.done.set(result.email);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
