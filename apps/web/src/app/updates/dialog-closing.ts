/**
 * Telling the page that a record's dialog was closed. The reader's own close (Escape, or Close) is
 * said at once, so a choice made right after it (another record) stands; the dialog's close event,
 * which comes a moment later, tells only of a close nobody said yet, while a record is still shown.
 * Shared by every dialog of a record (an item's details, an output, a risk).
 */
export class DialogClosing {
  private saidByReader = false;

  constructor(
    private readonly shown: () => boolean,
    private readonly say: () => void,
  ) {}

  /** Escape (the dialog's cancel event) or the Close button. */
  byReader(): void {
    this.saidByReader = true;
    this.say();
  }

  /** The dialog's close event. */
  byEvent(): void {
    if (this.saidByReader) {
      this.saidByReader = false;
    } else if (this.shown()) {
      this.say();
    }
  }
}
