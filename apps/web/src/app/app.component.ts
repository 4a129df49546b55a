import { ChangeDetectionStrategy, Component, computed, effect, inject, untracked } from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import type { Role } from '@tracker/contracts';
import { AuthService } from './auth/auth.service';
import { partnershipQuery } from './partnership/partnership-query';
import { PartnershipService } from './partnership/partnership.service';
import { ACCOUNT_ROLE_LABELS } from './plan/labels';
import { SelectChoicesDirective } from './select-options';
import { mainNavigation, shownNavigation } from './site-header';

@Component({
  selector: 'wp-root',
  imports: [RouterOutlet, RouterLink, SelectChoicesDirective],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="skip-link" href="#main">Skip to content</a>
    <header class="site-header">
      <div class="brand">
        <span class="brand-title">Work Plan tracker</span>
        <span class="brand-sub">Urban Agenda for the EU · Partnership on the Inclusion of Migrants and Refugees</span>
      </div>
      <nav aria-label="Main" [class.settling]="!partnerships.loaded()">
        <ul>
          @for (link of navigation(); track link.path) {
            <li>
              <a [href]="link.href" [class.active]="link.current" [attr.aria-current]="link.current ? 'page' : null" (click)="follow($event, link.href)">{{ link.label }}</a>
            </li>
          }
        </ul>
      </nav>
      @if (partnerships.all().length > 1) {
        <div class="partnership-switch">
          <label for="partnership-switch">Partnership</label>
          <select id="partnership-switch" data-testid="partnership-switch" [wpChoices]="partnershipChoices()" [wpChosen]="partnerships.key()" (change)="switchTo($any($event.target).value)"></select>
        </div>
      }
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
    <!-- The navigation and the page are shown once the header is complete (its Action links and partnership menu come with the list of partnerships), so nothing moves as they arrive. -->
    <main id="main" tabindex="-1" [class.settling]="!partnerships.loaded()">
      <router-outlet />
    </main>
  `,
})
export class AppComponent {
  readonly auth = inject(AuthService);
  readonly partnerships = inject(PartnershipService);
  private readonly router = inject(Router);
  /** The partnership menu's options. */
  readonly partnershipChoices = computed(() => this.partnerships.all().map((p) => ({ value: p.key, label: p.name })));
  /** The main navigation: plain links the app follows itself (one binding each, not a router link and its watcher per link). */
  readonly navigation = computed(() =>
    shownNavigation(
      mainNavigation(
        (this.partnerships.current()?.actions ?? []).map((action) => action.number),
        this.auth.user()?.role ?? null,
      ),
      this.partnerships.linkParams(),
      this.partnerships.url(),
    ),
  );

  constructor() {
    // The rights of the signed-in user are per partnership: read them again when the partnership changes.
    let shown: string | null = null;
    effect(() => {
      const key = this.partnerships.key();
      if (shown !== null && shown !== key && untracked(() => this.auth.user()) !== null) {
        void this.auth.refresh();
      }
      shown = key;
    });
  }

  /** Follows a link of the navigation in the app; a click meant for a new tab or window is the browser's. */
  follow(event: MouseEvent, href: string): void {
    if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void this.router.navigateByUrl(href);
  }

  /** Shows another partnership: the same page (the timeline for an Action page, whose Action may not exist there). */
  switchTo(key: string): void {
    const path = this.router.url.split('?')[0];
    const page = path.startsWith('/actions/') ? '/' : path;
    void this.router.navigate([page], { queryParams: partnershipQuery(key) });
  }

  roleLabel(role: Role): string {
    return ACCOUNT_ROLE_LABELS[role];
  }

  async signOut(): Promise<void> {
    await this.auth.signOut();
    await this.router.navigate(['/'], { queryParams: this.partnerships.linkParams() });
  }
}
