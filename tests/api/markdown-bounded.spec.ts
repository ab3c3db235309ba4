import { MarkdownRenderer } from '../../apps/api/src/markdown/markdown-renderer';
import { expectError, expectInvalid, TestApp, type TestUser } from '../support/test-app';

// Rendering a post's Markdown is bounded: off the event loop, in a time budget, and an input that nests
// too deeply is refused with a readable error (issue "Hold against hostile clients", finding 1).

describe('Markdown rendering under hostile input', () => {
  let app: TestApp;
  let member: TestUser;
  let categoryId: string;
  beforeAll(async () => {
    app = await TestApp.start();
    member = await app.member();
    categoryId = (await app.category()).id;
  });
  afterAll(async () => { await app.close(); });

  it('refuses 2,000 nested quotes in a preview and in a question, and writes nothing', async () => {
    const body = '>'.repeat(2000);
    expectInvalid(await app.gql(`query($body: String!) { markdownPreview(body: $body) }`, { body }), ['body']);
    const before = await app.count('questions');
    const asked = await app.gql(
      `mutation($input: AskQuestionInput!) { askQuestion(input: $input) { id } }`,
      { input: { categoryId, title: 'Quotes all the way down', body } },
      member,
    );
    expect(expectError(asked, 'VALIDATION_FAILED').extensions.fields).toEqual([{ field: 'body', message: 'Quotes and lists can nest at most 20 levels deep. Use fewer levels.' }]);
    expect(await app.count('questions')).toBe(before);
  });

  it('refuses an answer with 975 links, and takes one with 50', async () => {
    const questionId = (await app.ask(member, categoryId, { title: 'Which router settings help with gaming?', body: 'Looking for settings that lower ping on the Hub 5.' })).id;
    // Bare addresses (made links by the renderer), short enough that 975 fit in one answer.
    const links = (count: number) => Array.from({ length: count }, (_, i) => `https://x.io/${i}`).join(' ');
    const post = (body: string) => app.gql(`mutation($input: PostAnswerInput!) { postAnswer(input: $input) { id } }`, { input: { questionId, body } }, member);
    expect(expectError(await post(links(975)), 'VALIDATION_FAILED').extensions.fields).toEqual([{ field: 'body', message: 'A post may hold at most 50 links (this one has 975).' }]);
    expect(await app.count('answers', 'question_id = $1', [questionId])).toBe(0);
    expect((await post(links(50))).errors).toBeUndefined();
  });

  it('answers /healthz promptly while the most expensive allowed previews render', async () => {
    // 15 aliases (the most allowed) of a 30,000-character body that takes the renderer about a second each.
    const body = '_a'.repeat(15_000);
    const aliases = Array.from({ length: 15 }, (_, i) => `p${i}: markdownPreview(body: $body)`).join(' ');
    const attack = app.gql(`query($body: String!) { ${aliases} }`, { body });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const timings: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      expect((await app.get('/healthz')).status).toBe(200);
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    expect(timings[2]).toBeLessThan(100);
    const response = await attack;
    // Each render either finished or was stopped at its time budget: never an internal error.
    for (const error of response.errors ?? []) expect(error.extensions.code).toBe('VALIDATION_FAILED');
  });

  it('stops a render over its time budget and refuses the text with a readable message', async () => {
    const renderer = new MarkdownRenderer({ imageHosts: [] }, { timeoutMs: 1 });
    try {
      await expect(renderer.render('_a'.repeat(15_000), 'body')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ field: 'body', message: 'This text is too complex to format. Simplify its formatting (emphasis, quotes, lists) and try again.' }],
      });
    } finally {
      await renderer.onModuleDestroy();
    }
  });

  it('refuses a render that outgrows its thread\'s heap, and formats the next post on the thread that replaces it', async () => {
    // 200,000 paragraphs need well over 100 MB of tokens: far past a 16 MB old space, which the renderer itself fits
    // in. The time budget is out of reach, so only the heap bound can stop this render.
    const renderer = new MarkdownRenderer({ imageHosts: [] }, { timeoutMs: 600_000, heapLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 16 } });
    try {
      await expect(renderer.render('a\n\n'.repeat(200_000), 'body')).rejects.toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: [{ field: 'body', message: 'This text is too complex to format. Simplify its formatting (emphasis, quotes, lists) and try again.' }],
      });
      expect(await renderer.render('Plain **answer**', 'body')).toBe('<p>Plain <strong>answer</strong></p>\n');
    } finally {
      await renderer.onModuleDestroy();
    }
  });

  it('times a render from when it starts: ordinary posts queued behind slow ones are formatted, and a full queue says busy', async () => {
    // The slow input takes about a second: it is stopped at the 300 ms budget while it holds the thread, and the
    // thread that replaces it boots outside the budget of the render it takes next.
    const renderer = new MarkdownRenderer({ imageHosts: [] }, { timeoutMs: 300 });
    try {
      const outcome = (render: Promise<string>) => render.then(() => 'rendered', (error) => error.code as string);
      const slow = outcome(renderer.render('_a'.repeat(15_000), 'body'));
      await new Promise((resolve) => setImmediate(resolve));
      const ordinary = Array.from({ length: 64 }, (_, i) => outcome(renderer.render(`Plain **answer** ${i}`, 'body')));
      expect(await outcome(renderer.render('One too many', 'body'))).toBe('SERVICE_UNAVAILABLE');
      expect(await slow).toBe('VALIDATION_FAILED');
      expect(new Set(await Promise.all(ordinary))).toEqual(new Set(['rendered']));
    } finally {
      await renderer.onModuleDestroy();
    }
  });

  it('starts no render thread until a post needs one, and renders on one thread however many posts come at once', async () => {
    // Each thread is a V8 isolate of about 45 MB: the bound on the API's memory under load (issue "Fast at a telco's size").
    const renderer = new MarkdownRenderer({ imageHosts: [] });
    try {
      expect(renderer.runningThreads).toBe(0);
      const posts = Array.from({ length: 8 }, (_, i) => renderer.render(`Answer **${i}**`, 'body'));
      expect(await Promise.all(posts)).toEqual(Array.from({ length: 8 }, (_, i) => `<p>Answer <strong>${i}</strong></p>\n`));
      expect(renderer.runningThreads).toBe(1);
    } finally {
      await renderer.onModuleDestroy();
    }
  });
});
