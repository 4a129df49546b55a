import { DialogClosing } from './dialog-closing';

describe('DialogClosing', () => {
  function setUp() {
    let shown: string | null = 'A';
    const said: string[] = [];
    const closing = new DialogClosing(
      () => shown !== null,
      () => {
        said.push(`closed ${shown}`);
        shown = null;
      },
    );
    return { closing, said, show: (id: string) => (shown = id) };
  }

  it('says a close by the reader at once, and not again when the close event comes after another record was chosen', () => {
    const { closing, said, show } = setUp();
    closing.byReader();
    show('B');
    closing.byEvent();
    expect(said).toEqual(['closed A']);
  });

  it('says a close only the dialog saw (closed by the page, by the browser) while a record is shown', () => {
    const { closing, said } = setUp();
    closing.byEvent();
    closing.byEvent();
    expect(said).toEqual(['closed A']);
  });

  it('after a close by the reader has been matched by its event, the next close event is said again', () => {
    const { closing, said, show } = setUp();
    closing.byReader();
    closing.byEvent();
    show('C');
    closing.byEvent();
    expect(said).toEqual(['closed A', 'closed C']);
  });
});
