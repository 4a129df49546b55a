import { mainNavigation, shownNavigation } from './site-header';

describe('shownNavigation', () => {
  const links = mainNavigation([1, 2], null);
  const current = (partnership: Record<string, string>, url: string) =>
    shownNavigation(links, partnership, url)
      .filter((link) => link.current)
      .map((link) => link.label);

  it('gives each link its address, with the partnership where the link keeps it', () => {
    const secretariat = shownNavigation(mainNavigation([1], 'secretariat'), { partnership: 'scale-0001' }, '/?partnership=scale-0001');
    expect(secretariat.map((link) => link.href)).toEqual([
      '/?partnership=scale-0001',
      '/actions/1?partnership=scale-0001',
      '/organisations?partnership=scale-0001',
      '/risks?partnership=scale-0001',
      '/versions?partnership=scale-0001',
      '/reports?partnership=scale-0001',
      '/accounts',
      '/import',
    ]);
    expect(shownNavigation(links, {}, '/').map((link) => link.href)).toEqual(['/', '/actions/1', '/actions/2', '/organisations', '/risks', '/versions']);
  });

  it('marks the timeline only on exactly its address and query', () => {
    expect(current({}, '/')).toEqual(['Timeline']);
    expect(current({ partnership: 'scale-0001' }, '/?partnership=scale-0001')).toEqual(['Timeline']);
    expect(current({}, '/?action=1')).toEqual([]);
    expect(current({}, '/risks')).toEqual(['Risks']);
  });

  it('marks another link on its address and under it, with the partnership it keeps', () => {
    expect(current({}, '/actions/2')).toEqual(['Action 2']);
    expect(current({}, '/actions/2/x')).toEqual(['Action 2']);
    expect(current({}, '/actions/20')).toEqual([]);
    expect(current({ partnership: 'scale-0001' }, '/risks?partnership=scale-0001&view=all')).toEqual(['Risks']);
    expect(current({ partnership: 'scale-0001' }, '/risks')).toEqual([]);
  });
});
