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
  });

  it('shows https images from the allowed hosts only, links to other addresses, and keeps the alt text of the rest', () => {
    const imageHosts = ['images.example.com'];
    expect(renderMarkdown('![router](https://images.example.com/r.png)', { imageHosts })).toBe('<p><img src="https://images.example.com/r.png" alt="router" /></p>\n');
    expect(renderMarkdown('![router](https://elsewhere.example/r.png) ![](http://images.example.com/r.png)', { imageHosts })).toBe(
      '<p><a href="https://elsewhere.example/r.png" rel="nofollow ugc noopener noreferrer">router</a> ' +
        '<a href="http://images.example.com/r.png" rel="nofollow ugc noopener noreferrer">image</a></p>\n',
    );
    // Each of these would be a broken image, or a request to our own site, or the reader's own files.
    const html = renderMarkdown(
      '<img src=x onerror=alert(1)> ![the router](x.png) ![root](/uploads/a.png) <img src="//evil.example/a.png" alt="far"> ![data](data:image/png;base64,AAAA)',
    );
    expect(html).not.toMatch(/<img|onerror/);
    expect(html).toBe('<p><span></span> <span>the router</span> <span>root</span> <span>far</span> <span>data</span></p>\n');
  });

  it('renders task items as disabled checkboxes that no form can submit', () => {
    expect(renderMarkdown('- [ ] reboot\n- [x] **update** firmware')).toBe(
      '<ul>\n' +
        '<li><input type="checkbox" disabled aria-label="Task" /> reboot</li>\n' +
        '<li><input type="checkbox" disabled aria-label="Task" checked /> <strong>update</strong> firmware</li>\n' +
        '</ul>\n',
    );
    // Raw HTML cannot smuggle in a real field through the same door.
    expect(renderMarkdown('<input type="text" name="password" value="x" onfocus="alert(1)">')).toBe(
      '<input type="checkbox" disabled aria-label="Task" />',
    );
  });

  it('keeps block quotes', () => {
    expect(renderMarkdown('> Try turning it off')).toBe('<blockquote>\n<p>Try turning it off</p>\n</blockquote>\n');
  });

  it('marks user links as nofollow', () => {
    expect(renderMarkdown('[docs](https://example.com)')).toBe(
      '<p><a href="https://example.com" rel="nofollow ugc noopener noreferrer">docs</a></p>\n',
    );
  });
});
