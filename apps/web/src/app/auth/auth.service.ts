import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { API, type CurrentUser, type LoginRequest } from '@tracker/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '../api/api-client';
import { PartnershipService } from '../partnership/partnership.service';

/**
 * Who is signed in. Asked with `GET /api/auth/session`, which answers 200 `{user: null}` when nobody
 * is (a signed-out visit logs no failed request); it also sets the XSRF cookie that every write echoes.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private readonly api = inject(ApiClient);
  private readonly partnership = inject(PartnershipService);
  private readonly state = signal<{ checked: boolean; user: CurrentUser | null }>({ checked: false, user: null });

  readonly user = computed(() => this.state().user);
  readonly checked = computed(() => this.state().checked);

  /** Whether the signed-in user may change items of this Action of the partnership shown (the server decides again on every write). */
  canEdit(actionNumber: number): boolean {
    return this.user()?.editableActions.includes(actionNumber) ?? false;
  }

  async refresh(): Promise<void> {
    try {
      const { user } = await firstValueFrom(this.api.call(API.session, { query: this.partnership.apiParams() }));
      this.state.set({ checked: true, user });
    } catch {
      this.state.set({ checked: true, user: null });
    }
  }

  /** Signs in; resolves to an error message in words, or null on success. */
  async signIn(request: LoginRequest): Promise<string | null> {
    if (!this.checked()) {
      await this.refresh(); // obtains the XSRF cookie the sign-in must echo
    }
    try {
      const user = await firstValueFrom(this.api.call(API.login, { body: request }));
      this.state.set({ checked: true, user });
      if (Object.keys(this.partnership.apiParams()).length > 0) {
        await this.refresh(); // the sign-in answers for the Work Plan; read the rights in the partnership shown
      }
      return null;
    } catch (error) {
      if (error instanceof HttpErrorResponse) {
        if (error.status === 401) return 'Wrong email or password.';
        if (error.status === 429) return `Too many failed sign-ins. ${capitalise(String(error.error?.message ?? 'Try again later.'))}.`;
        if (error.status === 400) return capitalise(String([error.error?.message].flat().join('; '))) + '.';
      }
      return 'Signing in failed. Try again.';
    }
  }

  async signOut(): Promise<void> {
    await firstValueFrom(this.api.call(API.logout, { body: {} })).catch(() => undefined);
    this.state.set({ checked: true, user: null });
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
