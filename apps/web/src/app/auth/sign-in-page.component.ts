import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { API } from '@tracker/contracts';
import { catchError, map, of } from 'rxjs';

const PROVIDER_ERRORS: Record<string, string> = {
  unverified: 'Your identity provider did not confirm your email address as verified, so it cannot sign you in here.',
  uninvited: 'No account here has the email address your identity provider gave. Ask the Partnership Secretariat for an invitation.',
  failed: 'Signing in with your identity provider failed. Try again.',
  unavailable: 'Your identity provider cannot be reached right now. Try again later, or sign in with your password.',
};
import { ApiClient } from '../api/api-client';
import { AuthService } from './auth.service';

/** Sign-in for the Secretariat, coordinators, co-leaders and members. */
@Component({
  selector: 'wp-sign-in-page',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="page-header"><h1>Sign in</h1></header>
    @if (auth.user(); as user) {
      <p>You are signed in as {{ user.name }} ({{ user.email }}).</p>
    } @else {
      <form class="sign-in" (submit)="submit($event)" novalidate>
        @if (error() ?? providerError(); as message) { <p class="error" role="alert" id="sign-in-error">{{ message }}</p> }
        <div class="field">
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="username" required [attr.aria-describedby]="error() ? 'sign-in-error' : null" />
        </div>
        <div class="field">
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button type="submit" class="button" [disabled]="busy()">{{ busy() ? 'Signing in…' : 'Sign in' }}</button>
      </form>
      <p><a routerLink="/forgot-password">Forgot your password?</a></p>
      @if (oidc(); as provider) {
        <p><a class="button secondary" [href]="provider.startUrl" data-testid="oidc-sign-in">Sign in with {{ provider.name }}</a></p>
      }
    }
  `,
})
export class SignInPageComponent {
  readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  readonly error = signal<string | null>(null);
  readonly oidc = toSignal(
    inject(ApiClient)
      .call(API.signInProviders)
      .pipe(
        map((p) => p.oidc),
        catchError(() => of(null)),
      ),
    { initialValue: null },
  );
  readonly providerError = toSignal(inject(ActivatedRoute).queryParamMap.pipe(map((q) => PROVIDER_ERRORS[q.get('error') ?? ''] ?? null)), {
    initialValue: null,
  });
  readonly busy = signal(false);

  async submit(event: Event): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) {
      this.error.set(!email ? 'Enter your email address.' : 'Enter your password.');
      return;
    }
    this.busy.set(true);
    const error = await this.auth.signIn({ email, password });
    this.busy.set(false);
    this.error.set(error);
    if (!error) {
      await this.router.navigateByUrl('/');
    }
  }
}
