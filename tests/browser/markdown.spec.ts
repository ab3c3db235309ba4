import { BrowserWorld, describeViolations, screenshot, seriousAxeViolations } from '../support/browser';

/** How posts' Markdown looks on the question page: quotes, task lists and images we refuse to load. */
let world: BrowserWorld;

beforeAll(async () => {
  world = await BrowserWorld.start();
}, 90_000);

afterAll(() => world?.close());

it('shows quotes as quotes, task items as disabled checkboxes, and the alt text of a refused image', async () => {
  const api = world.api;
  const body = [
    '> The router restarts every night at 3am.',
    '',
    'What I tried:',
    '',
    '- [x] factory reset',
    '- [ ] new cable',
    '',
    '![photo of the status lights](lights.png) <img src=x onerror=alert(1)>',
  ].join('\n');
  const question = await api.ask(await api.member(), (await api.category()).id, { title: 'Router restarts itself every night', body });
  const { context, page } = await world.visitor();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(new URL(request.url()).pathname));
  await page.goto(`/questions/${question.id}`, { waitUntil: 'networkidle' });
  const post = page.locator('.prose').first();

  // Tests compile without the DOM's types: the page's own getComputedStyle, reached through globalThis.
  const style = (selector: string, property: string) =>
    post.locator(selector).first().evaluate((el, name) => (globalThis as any).getComputedStyle(el).getPropertyValue(name) as string, property);
  expect(parseFloat(await style('blockquote', 'border-inline-start-width'))).toBeGreaterThanOrEqual(3);
  expect(await style('blockquote', 'background-color')).not.toBe('rgba(0, 0, 0, 0)');

  const boxes = post.getByRole('checkbox');
  await expect(boxes.count()).resolves.toBe(2);
  await expect(boxes.nth(0).isChecked()).resolves.toBe(true);
  await expect(boxes.nth(1).isChecked()).resolves.toBe(false);
  await expect(boxes.nth(1).isDisabled()).resolves.toBe(true);
  await expect(style('li', 'list-style-type')).resolves.toBe('none');

  await expect(post.locator('img').count()).resolves.toBe(0);
  await expect(post.textContent()).resolves.toContain('photo of the status lights');
  expect(requests.filter((path) => /\/(x|lights\.png)$/.test(path))).toEqual([]);

  await screenshot(page, 'markdown-quote-tasks-images');
  expect(describeViolations(await seriousAxeViolations(page))).toBe('');
  await context.close();
});
