import { escapeHtml, markOnlyHtml } from './snippet';

describe('search snippets', () => {
  it('passes escaped text whose only markup is <mark>', () => {
    expect(markOnlyHtml('the <mark>router</mark> &lt;b&gt; drops')).toBe('the <mark>router</mark> &lt;b&gt; drops');
  });

  it('refuses anything else, so it is shown as text', () => {
    expect(markOnlyHtml('<mark>x</mark><img src=x onerror=alert(1)>')).toBeNull();
    expect(markOnlyHtml('<mark onclick="x">a</mark>')).toBeNull();
    expect(markOnlyHtml('<script>alert(1)</script>')).toBeNull();
    expect(escapeHtml('<img src=x>')).toBe('&lt;img src=x&gt;');
  });
});
