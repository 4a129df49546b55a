import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  API,
  type Account,
  type AccountInvite,
  type AccountUpdate,
  type EmailOnly,
  type Message,
  type OutboxMail,
  type PrivateFeed,
  type PrivateFeedState,
  type Profile,
  type ProfileUpdate,
} from '@tracker/contracts';
import { firstValueFrom } from 'rxjs';
import { ApiClient } from '../api/api-client';

/** Accounts (Secretariat), the mail outbox, the mailed links, and one's own profile. */
@Injectable({ providedIn: 'root' })
export class AccountsService {
  private readonly api = inject(ApiClient);

  list(): Promise<Account[]> {
    return firstValueFrom(this.api.call(API.accounts));
  }

  invite(invite: AccountInvite): Promise<Account> {
    return firstValueFrom(this.api.call(API.inviteAccount, { body: invite }));
  }

  update(id: string, update: AccountUpdate): Promise<Account> {
    return firstValueFrom(this.api.call(API.updateAccount, { params: { id }, body: update }));
  }

  deactivate(id: string): Promise<Account> {
    return firstValueFrom(this.api.call(API.deactivateAccount, { params: { id }, body: {} }));
  }

  resendInvitation(id: string): Promise<Account> {
    return firstValueFrom(this.api.call(API.resendInvitation, { params: { id }, body: {} }));
  }

  outbox(): Promise<OutboxMail[]> {
    return firstValueFrom(this.api.call(API.outbox));
  }

  setPassword(kind: 'invitation' | 'reset', token: string, password: string): Promise<EmailOnly> {
    return firstValueFrom(this.api.call(kind === 'invitation' ? API.acceptInvitation : API.completePasswordReset, { body: { token, password } }));
  }

  requestReset(email: string): Promise<Message> {
    return firstValueFrom(this.api.call(API.requestPasswordReset, { body: { email } }));
  }

  /** When one's private calendar address was made, or null when there is none. */
  privateFeedState(): Promise<PrivateFeedState> {
    return firstValueFrom(this.api.call(API.privateFeed));
  }

  /** A new secret address of one's private calendar; the previous one stops working. */
  issuePrivateFeed(): Promise<PrivateFeed> {
    return firstValueFrom(this.api.call(API.issuePrivateFeed, { body: {} }));
  }

  revokePrivateFeed(): Promise<void> {
    return firstValueFrom(this.api.call(API.revokePrivateFeed));
  }

  profile(): Promise<Profile> {
    return firstValueFrom(this.api.call(API.profile));
  }

  updateProfile(update: ProfileUpdate): Promise<Profile> {
    return firstValueFrom(this.api.call(API.updateProfile, { body: update }));
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
