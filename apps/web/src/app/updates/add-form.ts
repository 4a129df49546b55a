import { signal } from '@angular/core';
import { type Observable, firstValueFrom } from 'rxjs';
import { describeSaveError, type EditOutcome } from './milestone-editor';

/**
 * A form that adds a record: its fields read as trimmed text, "saving" while the request runs, the
 * outcome in words (what was added, or why not), and the form emptied once the record is there.
 * Shared by every "Add ..." form.
 */
export class AddForm {
  readonly saving = signal(false);
  readonly outcome = signal<EditOutcome | null>(null);

  constructor(private readonly what: 'item' | 'output') {}

  /** Sends what `create` makes of the form's fields; answers the new record, or null when it was refused. */
  async submit<T>(event: Event, create: (text: (name: string) => string, values: FormData) => Observable<T>, said: (record: T) => string): Promise<T | null> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const values = new FormData(form);
    const text = (name: string) => String(values.get(name) ?? '').trim();
    this.saving.set(true);
    this.outcome.set(null);
    try {
      const record = await firstValueFrom(create(text, values));
      this.outcome.set({ kind: 'saved', message: said(record) });
      form.reset();
      return record;
    } catch (error) {
      this.outcome.set(describeSaveError(error, this.what));
      return null;
    } finally {
      this.saving.set(false);
    }
  }
}
