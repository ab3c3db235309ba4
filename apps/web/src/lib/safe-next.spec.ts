import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('keeps a path on this site with its query and fragment', () => {
    expect(safeNext('/questions/12/hub-5?sort=new#answer-3')).toBe('/questions/12/hub-5?sort=new#answer-3');
    expect(safeNext('/ask')).toBe('/ask');
  });

  it('sends anything missing or not a path home', () => {
    for (const next of [null, '', 'questions', 'https://evil.example/', 'javascript:alert(1)', 'mailto:x@y.z']) expect(safeNext(next)).toBe('/');
  });

  // The variants that reached another origin, as the browser hands them to the server (the query decoded once)
  // and still encoded once more.
  it.each([
    ['//evil.example'],
    ['/\\evil.example'],
    ['/\\\\evil.example'],
    ['\\\\evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/\r\n/evil.example'],
    ['/ /evil.example'],
    ['///evil.example'],
    ['/./\\evil.example'],
    ['/.//evil.example'],
    ['/%5Cevil.example'],
    ['/%09/evil.example'],
    ['/%2F/evil.example'],
  ])('never leaves the site for %j', (next) => {
    const target = new URL(safeNext(next), 'https://help.example.com');
    expect(target.origin).toBe('https://help.example.com');
    expect(safeNext(next).startsWith('//')).toBe(false);
  });
});
