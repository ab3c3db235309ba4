import { expectInvalid, TestApp } from '../support/test-app';

// markdownPreview: what an editor's preview shows is the rendering a post gets, sanitized.

describe('markdownPreview', () => {
  let app: TestApp;
  beforeAll(async () => { app = await TestApp.start(); });
  afterAll(async () => { await app.close(); });

  const PREVIEW = `query ($body: String!) { markdownPreview(body: $body) }`;

  it('renders Markdown to sanitized HTML, for visitors too', async () => {
    const { markdownPreview } = await app.ok<{ markdownPreview: string }>(PREVIEW, { body: '**Restart** the [router](javascript:alert(1))<script>x()</script>' });
    expect(markdownPreview).toContain('<strong>Restart</strong>');
    expect(markdownPreview).not.toContain('<script');
    expect(markdownPreview).not.toContain('javascript:');
  });

  it('refuses a body longer than a post may be, naming the field', async () => {
    expectInvalid(await app.gql(PREVIEW, { body: 'x'.repeat(30_001) }), ['body']);
  });
});
