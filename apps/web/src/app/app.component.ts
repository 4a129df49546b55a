import { ChangeDetectionStrategy, Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

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
        </ul>
      </nav>
    </header>
    <main id="main" tabindex="-1">
      <router-outlet />
    </main>
  `,
})
export class AppComponent {
  readonly actionNumbers = [1, 2, 3, 4];
}
