import { spreadsheetSafe } from './table';

describe('spreadsheetSafe', () => {
  it('quotes every text a spreadsheet would run as a formula (= + - @, tab, carriage return)', () => {
    for (const text of ['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\t=1', '\r=1', '-5']) {
      expect(spreadsheetSafe(text)).toBe(`'${text}`);
    }
  });

  it('keeps other texts, numbers (negative ones too), booleans and empty cells as they are', () => {
    for (const value of ['Mapping', ' =1', "'quoted", 'a=b', '', -5, 0, 3.5, true, null]) {
      expect(spreadsheetSafe(value)).toBe(value);
    }
  });
});
