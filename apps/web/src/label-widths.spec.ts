import { labelWidth } from './label-widths';

describe('labelWidth (the server measures labels as a browser with Helvetica-metric fonts would)', () => {
  it('adds the widths of the characters, in thousandths of the font size', () => {
    // W 944, o 556, r 333, k 500, space 278, P 667, l 222, a 556, n 556: Arial's and Helvetica's advance widths.
    expect(labelWidth('Work Plan', 'normal 500 13px Helvetica')).toBeCloseTo((4612 * 13) / 1000, 6);
    expect(labelWidth('Work Plan', 'normal 400 26px Helvetica')).toBeCloseTo((4612 * 26) / 1000, 6);
    expect(labelWidth('', 'normal 400 13px Helvetica')).toBe(0);
  });

  it('reads bold from the weight (600 and above), and italic as upright', () => {
    const upright = labelWidth('Action 1 · Labour', 'normal 400 13px Helvetica');
    expect(labelWidth('Action 1 · Labour', 'normal 700 13px Helvetica')).toBeGreaterThan(upright);
    expect(labelWidth('Action 1 · Labour', 'italic 400 13px Helvetica')).toBe(upright);
    expect(labelWidth('Action 1 · Labour', 'normal 500 13px Helvetica')).toBe(upright);
  });

  it('counts a character it does not know as an average letter, and knows the accented letters of the partnership languages', () => {
    expect(labelWidth('漢', 'normal 400 13px Helvetica')).toBeCloseTo((490 * 13) / 1000, 6);
    expect(labelWidth('é', 'normal 400 13px Helvetica')).toBe(labelWidth('e', 'normal 400 13px Helvetica'));
    expect(labelWidth('Łódź', 'normal 400 13px Helvetica')).toBeGreaterThan(0);
  });
});
