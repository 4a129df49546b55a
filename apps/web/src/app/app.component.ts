import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import type { Role } from '@tracker/contracts';
import { AuthService } from './auth/auth.service';

@Component({
  selector: 'wp-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="site-header">
      <div class="brand">
        <span class="brand-title">Work Plan tracker</span>
        <span class="brand-sub">Urban Agenda for the EU · Partnership on the Inclusion of Migrants and Refugees</span>
      </div>
      <nav aria-label="Main">
        <ul>
          <li><a routerLink="/" routerLinkActive="active" [routerLinkActiveOptions]="{ exact: true }" ariaCurrentWhenActive="page">Timeline</a></li>
          @for (n of actionNumbers; track n) {
            <li><a [routerLink]="['/actions', n]" routerLinkActive="active" ariaCurrentWhenActive="page">Action {{ n }}</a></li>
          }
          <li><a routerLink="/organisations" routerLinkActive="active" ariaCurrentWhenActive="page">Organisations</a></li>
          <li><a routerLink="/risks" routerLinkActive="active" ariaCurrentWhenActive="page">Risks</a></li>
          @if (auth.user()?.role === 'secretariat') {
            <li><a routerLink="/accounts" routerLinkActive="active" ariaCurrentWhenActive="page">Accounts</a></li>
          }
        </ul>
      </nav>
      <div class="account" data-testid="account">
        @if (auth.user(); as user) {
          <span>Signed in as <strong>{{ user.name }}</strong> ({{ roleLabel(user.role) }})</span>
          <a routerLink="/settings" class="settings-link">Settings</a>
          <button type="button" class="link-button" (click)="signOut()">Sign out</button>
        } @else if (auth.checked()) {
          <a routerLink="/sign-in" class="sign-in-link">Sign in</a>
        }
      </div>
    </header>
    <main id="main" tabindex="-1">
      <router-outlet />
    </main>
  `,
})
export class AppComponent {
  readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  readonly actionNumbers = [1, 2, 3, 4];

  roleLabel(role: Role): string {
    return { secretariat: 'Secretariat', coordinator: 'Coordinator', co_leader: 'Co-leader', member: 'Member' }[role];
  }

  async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigateByUrl('/');
  }
}
