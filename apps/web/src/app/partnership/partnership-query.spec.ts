import { DEFAULT_PARTNERSHIP_KEY } from '@tracker/contracts';
import { firstPaintPartnership, partnershipOf, partnershipQuery } from './partnership-query';

describe('partnership in addresses', () => {
  it('names no partnership for the Work Plan, and reads the Work Plan from an address without one', () => {
    expect(partnershipQuery(DEFAULT_PARTNERSHIP_KEY)).toEqual({});
    expect(partnershipQuery('scale-0001')).toEqual({ partnership: 'scale-0001' });
    expect(partnershipOf('/risks')).toBe(DEFAULT_PARTNERSHIP_KEY);
    expect(partnershipOf('/risks?partnership=scale-0001#top')).toBe('scale-0001');
  });

  it('gives the plain home page a first paint, and no other address', () => {
    expect(firstPaintPartnership('/', '')).toBe(DEFAULT_PARTNERSHIP_KEY);
    expect(firstPaintPartnership('/', '?partnership=scale-0001')).toBe('scale-0001');
    expect(firstPaintPartnership('/', '?partnership=')).toBe(DEFAULT_PARTNERSHIP_KEY);
    for (const search of ['?action=1', '?partnership=scale-0001&view=quarter', '?baseline=1', '?item=abc', '?partnership=a&partnership=b']) {
      expect([search, firstPaintPartnership('/', search)]).toEqual([search, null]);
    }
    expect(firstPaintPartnership('/actions/1', '')).toBeNull();
    expect(firstPaintPartnership('/organisations', '?partnership=scale-0001')).toBeNull();
  });
});
