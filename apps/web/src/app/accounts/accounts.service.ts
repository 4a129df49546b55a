import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Account, AccountInvite, AccountUpdate, OutboxMail, PrivateFeed, Profile, ProfileUpdate } from '@tracker/contracts';
import { firstValueFrom } from 'rxjs';

/** Accounts (Secretariat), the mail outbox, the mailed links, and one's own profile. */
@Injectable({ providedIn: 'root' })
export class AccountsService {
  private readonly http = inject(HttpClient);

  list(): Promise<Account[]> {
    return firstValueFrom(this.http.get<Account[]>('/api/accounts'));
  }

  invite(invite: AccountInvite): Promise<Account> {
    return firstValueFrom(this.http.post<Account>('/api/accounts', invite));
  }

  update(id: string, update: AccountUpdate): Promise<Account> {
    return firstValueFrom(this.http.patch<Account>(`/api/accounts/${id}`, update));
  }

  deactivate(id: string): Promise<Account> {
    return firstValueFrom(this.http.post<Account>(`/api/accounts/${id}/deactivate`, {}));
  }

  resendInvitation(id: string): Promise<Account> {
    return firstValueFrom(this.http.post<Account>(`/api/accounts/${id}/invitation`, {}));
  }

  outbox(): Promise<OutboxMail[]> {
    return firstValueFrom(this.http.get<OutboxMail[]>('/api/mail/outbox'));
  }

  setPassword(kind: 'invitation' | 'reset', token: string, password: string): Promise<{ email: string }> {
    const path = kind === 'invitation' ? '/api/auth/invitation' : '/api/auth/password-reset/complete';
    return firstValueFrom(this.http.post<{ email: string }>(path, { token, password }));
  }

  requestReset(email: string): Promise<{ message: string }> {
    return firstValueFrom(this.http.post<{ message: string }>('/api/auth/password-reset', { email }));
  }

  /** When one's private calendar address was made, or null when there is none. */
  privateFeedState(): Promise<Pick<PrivateFeed, 'issuedAt'>> {
    return firstValueFrom(this.http.get<Pick<PrivateFeed, 'issuedAt'>>('/api/calendar/private-feed'));
  }

  /** A new secret address of one's private calendar; the previous one stops working. */
  issuePrivateFeed(): Promise<PrivateFeed> {
    return firstValueFrom(this.http.post<PrivateFeed>('/api/calendar/private-feed', {}));
  }

  revokePrivateFeed(): Promise<void> {
    return firstValueFrom(this.http.delete<void>('/api/calendar/private-feed'));
  }

  profile(): Promise<Profile> {
    return firstValueFrom(this.http.get<Profile>('/api/profile'));
  }

  updateProfile(update: ProfileUpdate): Promise<Profile> {
    return firstValueFrom(this.http.patch<Profile>('/api/profile', update));
  }
}

/** The server's message of a failed request, as a sentence. */
export function errorMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse) {
    const message = [error.error?.message].flat().filter(Boolean).join('; ');
    if (message) {
      return message.charAt(0).toUpperCase() + message.slice(1) + '.';
    }
  }
  return 'Something went wrong. Try again.';
}
