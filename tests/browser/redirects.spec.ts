import type { TestUser } from '../support/test-app';
import { BrowserWorld, waitForHydration } from '../support/browser';

/**
 * Signing in with `?next=` returns to where the person was going, and never to another site: the
 * variants below reached another origin (issue "Hold against hostile clients", finding 3). The other
 * origin here is a loopback port nobody listens on, so a failure shows as a navigation away from the web.
 */
let world: BrowserWorld;
let member: TestUser;

beforeAll(async () => {
  world = await BrowserWorld.start();
  member = await world.api.member('Redirect Tester');
}, 90_000);

afterAll(() => world?.close());

const ELSEWHERE = '127.0.0.1:9';
const VARIANTS = [`/%5C${ELSEWHERE}`, `/%09/${ELSEWHERE}`, `/%5C%5C${ELSEWHERE}`, `//${ELSEWHERE}`, `/%0A/${ELSEWHERE}`, `%5C%5C${ELSEWHERE}`];

async function signInWithNext(javaScriptEnabled: boolean, next: string): Promise<string> {
  const context = await world.browser.newContext({ baseURL: world.webUrl, javaScriptEnabled });
  try {
    const page = await context.newPage();
    await page.goto(`/login?next=${next}`);
    if (javaScriptEnabled) await waitForHydration(page);
    await page.getByLabel('Email').fill(member.email);
    await page.getByLabel('Password', { exact: true }).fill('correct horse battery');
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
    return page.url();
  } finally {
    await context.close();
  }
}

describe.each([true, false])('signing in with JavaScript %s', (javaScriptEnabled) => {
  it.each(VARIANTS)('stays on the site for next=%s', async (next) => {
    const landed = new URL(await signInWithNext(javaScriptEnabled, next));
    expect(landed.origin).toBe(new URL(world.webUrl).origin);
  });

  it('returns to the page the person was going to', async () => {
    const landed = new URL(await signInWithNext(javaScriptEnabled, encodeURIComponent('/search?q=router')));
    expect(landed.pathname + landed.search).toBe('/search?q=router');
  });
});
