import { Directive, ElementRef, effect, inject, input } from '@angular/core';

/** One choice of a select: what it sends, and what it says. */
export interface SelectChoice {
  value: string;
  label: string;
}

/**
 * A select's options, written straight into it: one element each, the chosen one selected. For a
 * long list that changes seldom (the partnerships, up to a hundred and more), in place of an `@for`
 * whose every option is a view of its own with its bindings, all made as the app starts.
 */
@Directive({ selector: 'select[wpChoices]' })
export class SelectChoicesDirective {
  readonly wpChoices = input.required<readonly SelectChoice[]>();
  /** The value of the option selected (none when it is not among them). */
  readonly wpChosen = input<string | null>(null);

  constructor() {
    const select = inject<ElementRef<HTMLSelectElement>>(ElementRef).nativeElement;
    let written: readonly SelectChoice[] | null = null;
    effect(() => {
      const choices = this.wpChoices();
      if (choices !== written) {
        written = choices;
        // Made whole, then put in at once: one element per option, no view or binding of its own.
        select.replaceChildren(
          ...choices.map(({ value, label }) => {
            const option = document.createElement('option');
            option.value = value;
            option.textContent = label;
            return option;
          }),
        );
      }
      select.value = this.wpChosen() ?? '';
    });
  }
}
