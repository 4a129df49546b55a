import { HttpErrorResponse } from '@angular/common/http';
import { type Signal, computed, effect, signal } from '@angular/core';
import { type Observable, firstValueFrom } from 'rxjs';
import { describeSaveError } from './milestone-editor';

/**
 * The edit dialog of one versioned record (an output, a risk): the modal opens while there is a
 * record and closes when there is none; a save shows its outcome in words; a 409 puts the record as
 * someone else left it in the form. Created in a component's field initialiser (it uses an effect).
 */
export class EditDialog<T extends { id: string; version: number }> {
  readonly saving = signal(false);
  readonly message = signal<{ ok: boolean; text: string } | null>(null);
  private readonly current = signal<T | null>(null);
  /** What the form shows: the record, or after a conflict or a save, the record as it is now. */
  readonly values: Signal<T | null>;

  constructor(item: () => T | null, dialog: () => HTMLDialogElement) {
    this.values = computed(() => this.current() ?? item());
    effect(() => {
      const element = dialog();
      if (item() && !element.open) {
        this.current.set(null);
        this.message.set(null);
        element.showModal();
      } else if (!item() && element.open) {
        element.close();
      }
    });
  }

  nothingToSave(): void {
    this.message.set({ ok: false, text: 'Nothing to save: change a value or write a note.' });
  }

  /** Sends the change; `changed` runs after a save or a conflict, so the page reads the plan again. */
  async save(request: Observable<T>, what: 'item' | 'output', noun: string, changed: () => void): Promise<void> {
    this.saving.set(true);
    try {
      const saved = await firstValueFrom(request);
      this.current.set(saved);
      this.message.set({ ok: true, text: `Saved. The ${noun} is now at version ${saved.version}.` });
      changed();
    } catch (error) {
      const outcome = describeSaveError(error, what);
      this.message.set({ ok: false, text: outcome.message });
      if (outcome.kind === 'conflict') {
        this.current.set((error as HttpErrorResponse).error.current as T);
        changed();
      }
    } finally {
      this.saving.set(false);
    }
  }
}
