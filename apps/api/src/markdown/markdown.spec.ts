import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders Markdown to HTML', () => {
    expect(renderMarkdown('**Restart** the `router`')).toBe('<p><strong>Restart</strong> the <code>router</code></p>\n');
  });

  it('drops scripts, event handlers and javascript: links', () => {
    // Separate paragraphs: on one line after <script> it would all be a raw HTML block, and the Markdown link mere text.
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src="x.png" onerror="alert(2)"> [click](javascript:alert(3)) <a href="JaVaScRiPt:alert(4)">x</a>',
    );
    expect(html).not.toMatch(/<script|onerror|javascript:/i);
    expect(html).toContain('<img src="x.png" />');
  });

  it('marks user links as nofollow', () => {
    expect(renderMarkdown('[docs](https://example.com)')).toBe(
      '<p><a href="https://example.com" rel="nofollow ugc noopener noreferrer">docs</a></p>\n',
    );
  });
});
