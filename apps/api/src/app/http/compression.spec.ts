import { negotiateEncoding } from './compression';

const ask = (header: string | undefined, available: ('br' | 'gzip' | 'identity')[] = ['br', 'gzip']) =>
  negotiateEncoding({ headers: header === undefined ? {} : { 'accept-encoding': header } }, available);

describe('negotiateEncoding', () => {
  it('prefers Brotli, then gzip, among what the client accepts', () => {
    expect(ask('gzip, deflate, br, zstd')).toBe('br');
    expect(ask('gzip, deflate')).toBe('gzip');
    expect(ask('br')).toBe('br');
    expect(ask('gzip, deflate, br', ['gzip'])).toBe('gzip');
  });

  it('follows q-values, and q=0 refuses', () => {
    expect(ask('br;q=0.5, gzip;q=0.8')).toBe('gzip');
    expect(ask('br;q=0, gzip')).toBe('gzip');
    expect(ask('br;q=0, gzip;q=0')).toBe('identity');
    expect(ask('*')).toBe('br');
    expect(ask('*;q=0.1, br;q=0')).toBe('gzip');
    expect(ask('GZIP ; q=1')).toBe('gzip');
  });

  it('sends the plain bytes without a header, or when nothing fits', () => {
    expect(ask(undefined)).toBe('identity');
    expect(ask('')).toBe('identity');
    expect(ask('identity')).toBe('identity');
    expect(ask('deflate')).toBe('identity');
    expect(ask('gzip, br', [])).toBe('identity');
  });
});
