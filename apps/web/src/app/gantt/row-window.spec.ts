import { DRAW_WHOLE_UP_TO, rowWindow, windowCovers } from './row-window';

const geometry = { rowHeight: 40, headerHeight: 85 };

describe('rowWindow', () => {
  it('draws a plan of up to DRAW_WHOLE_UP_TO rows whole, wherever it is scrolled', () => {
    expect(rowWindow(0, 600, 45, geometry)).toEqual({ from: 0, to: 45 });
    expect(rowWindow(900, 600, DRAW_WHOLE_UP_TO, geometry)).toEqual({ from: 0, to: DRAW_WHOLE_UP_TO });
  });

  it('draws the rows in view of a long plan and a screen of rows above and below them', () => {
    // 675 px box: 590 px of rows under the 85 px header, 15 rows; 17 rows of margin each side.
    const top = rowWindow(0, 675, 4749, geometry);
    expect(top).toEqual({ from: 0, to: 15 + 17 });
    // Scrolled to row 1,000: rows 1,000 to 1,015 in view.
    expect(rowWindow(40_000, 675, 4749, geometry)).toEqual({ from: 1000 - 17, to: 1015 + 17 });
    expect(rowWindow(40_000, 675, 4749, geometry, 0)).toEqual({ from: 1000, to: 1015 });
  });

  it('stops at the first and the last row', () => {
    expect(rowWindow(-50, 675, 4749, geometry).from).toBe(0);
    const bottom = rowWindow(4749 * 40 + 85 - 675, 675, 4749, geometry);
    expect(bottom.to).toBe(4749);
    expect(bottom.from).toBe(4734 - 17);
    // Scrolled past the end (a box taller than what is left): still a window of rows that exist.
    expect(rowWindow(10_000_000, 675, 4749, geometry)).toEqual({ from: 4748, to: 4749 });
  });
});

describe('windowCovers', () => {
  it('is true while the rows in view and some rows beyond them are drawn', () => {
    expect(windowCovers({ from: 983, to: 1032 }, { from: 1000, to: 1015 }, 4749, 8)).toBe(true);
    expect(windowCovers({ from: 983, to: 1020 }, { from: 1000, to: 1015 }, 4749, 8)).toBe(false);
    expect(windowCovers({ from: 995, to: 1032 }, { from: 1000, to: 1015 }, 4749, 8)).toBe(false);
  });

  it('needs no rows beyond the first and the last', () => {
    expect(windowCovers({ from: 0, to: 20 }, { from: 0, to: 15 }, 4749, 8)).toBe(false);
    expect(windowCovers({ from: 0, to: 23 }, { from: 0, to: 15 }, 4749, 8)).toBe(true);
    expect(windowCovers({ from: 4726, to: 4749 }, { from: 4734, to: 4749 }, 4749, 8)).toBe(true);
    expect(windowCovers({ from: 4730, to: 4749 }, { from: 4734, to: 4749 }, 4749, 8)).toBe(false);
  });
});
