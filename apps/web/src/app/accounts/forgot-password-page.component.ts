import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { AuthService } from '../auth/auth.service';
import { AccountsService, errorMessage } from './accounts.service';

/** "Forgot your password?": mails a one-time link; the answer is the same whether the address has an account or not. */
@Component({
  selector: 'wp-forgot-password-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header"><h1>Forgot your password?</h1></header>
    @if (sent()) {
      <p role="status" data-testid="reset-sent">If this address has an account, a link to choose a new password is on its way. It works once, for 30 minutes.</p>
    } @else {
      <form class="sign-in" (submit)="submit($event)" novalidate>
        @if (error(); as message) {
          <p class="error" role="alert" id="forgot-error">{{ message }}</p>
        }
        <div class="field">
          <label for="forgot-email">Email</label>
          <input id="forgot-email" name="email" type="email" autocomplete="username" required [attr.aria-describedby]="error() ? 'forgot-error' : null" />
        </div>
        <button type="submit" class="button" [disabled]="busy()">Send me a link</button>
      </form>
    }
  `,
})
export class ForgotPasswordPageComponent {
  private readonly accounts = inject(AccountsService);
  private readonly auth = inject(AuthService);
  readonly sent = signal(false);
  readonly error = signal<string | null>(null);
  readonly busy = signal(false);

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const email = String(new FormData(event.target as HTMLFormElement).get('email') ?? '').trim();
    if (!email) {
      this.error.set('Enter your email address.');
      return;
    }
    this.busy.set(true);
    try {
      if (!this.auth.checked()) {
        await this.auth.refresh(); // the XSRF cookie the request must echo
      }
      await this.accounts.requestReset(email);
      this.sent.set(true);
    } catch (error) {
      this.error.set(errorMessage(error));
    } finally {
      this.busy.set(false);
    }
  }
}
