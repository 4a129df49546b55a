import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject, signal } from '@angular/core';
import type { AuditEntry, ConflictError, Milestone, MilestoneUpdate } from '@tracker/contracts';
import { type Observable, firstValueFrom } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { UpdatesService } from './updates.service';

export interface EditOutcome {
  kind: 'saved' | 'conflict' | 'error';
  message: string;
}

/**
 * The state of editing one milestone in a page: its history, a save in flight, and what the last
 * save answered. Provided by each page that shows item details; the page reloads its data on save.
 */
@Injectable()
export class MilestoneEditor {
  private readonly updates = inject(UpdatesService);
  private readonly auth = inject(AuthService);

  readonly history = signal<AuditEntry[] | null>(null);
  readonly historyError = signal<string | null>(null);
  readonly saving = signal(false);
  readonly outcome = signal<EditOutcome | null>(null);
  /** After a conflict, the item as someone else left it: the form shows these values. */
  readonly current = signal<Milestone | null>(null);

  /** Called after a save or a conflict, so the page reloads the plan. */
  onChanged: () => void = () => undefined;

  async open(id: string | null): Promise<void> {
    this.outcome.set(null);
    this.current.set(null);
    this.history.set(null);
    this.historyError.set(null);
    if (id) {
      await this.loadHistory(id);
    }
  }

  /** Moves the milestone one place earlier or later among its siblings (an activity with its steps). */
  async move(id: string, version: number, direction: 'earlier' | 'later'): Promise<void> {
    await this.apply(
      id,
      () => this.updates.moveMilestone(id, { version, direction }),
      direction === 'earlier' ? 'Moved one place earlier' : 'Moved one place later',
    );
  }

  async save(id: string, update: MilestoneUpdate): Promise<void> {
    await this.apply(id, () => this.updates.updateMilestone(id, update), 'Saved');
  }

  private async apply(id: string, request: () => Observable<Milestone>, done: string): Promise<void> {
    this.saving.set(true);
    this.outcome.set(null);
    try {
      const saved = await firstValueFrom(request());
      this.current.set(null);
      this.outcome.set({ kind: 'saved', message: `${done}. The item is now at version ${saved.version}.` });
      this.onChanged();
      await this.loadHistory(id);
    } catch (error) {
      this.outcome.set(describeSaveError(error, 'item'));
      if (error instanceof HttpErrorResponse && error.status === 409) {
        this.current.set((error.error as ConflictError<Milestone>).current ?? null);
        this.onChanged();
        await this.loadHistory(id);
      }
    } finally {
      this.saving.set(false);
    }
  }

  private async loadHistory(id: string): Promise<void> {
    if (!this.auth.user()) {
      this.historyError.set('Sign in to see who changed this item and when.');
      return;
    }
    try {
      this.history.set(await firstValueFrom(this.updates.history('milestones', id)));
      this.historyError.set(null);
    } catch {
      this.historyError.set('The history could not be loaded.');
    }
  }
}

/** What a failed save means for the person saving, in words; shared by every edit form. */
export function describeSaveError(error: unknown, what: 'item' | 'output'): EditOutcome {
  if (!(error instanceof HttpErrorResponse)) {
    return { kind: 'error', message: 'Saving failed. Try again.' };
  }
  const message = [error.error?.message].flat().filter(Boolean).join('; ');
  switch (error.status) {
    case 409:
      return {
        kind: 'conflict',
        message: `Someone else changed this ${what} while you were editing it. The form now shows their values: check them, make your change again and save.`,
      };
    case 400:
      return { kind: 'error', message: `Not saved: ${message}.` };
    case 401:
      return { kind: 'error', message: 'Your session has ended. Sign in again to save.' };
    case 403:
      return { kind: 'error', message: `Not saved: you may not change this ${what}.` };
    case 404:
      return { kind: 'error', message: `This ${what} no longer exists.` };
    default:
      return { kind: 'error', message: 'Saving failed. Try again.' };
  }
}
