import type { Page } from 'playwright-core';
import type { TestUser } from '../support/test-app';
import { BrowserWorld, waitForHydration } from '../support/browser';

/**
 * The web's response headers: a strict Content-Security-Policy whose nonce every inline script carries,
 * no framing, no sniffing, a referrer policy, no X-Powered-By; and the pages still work under it (they
 * hydrate, and Chromium reports no violation). The API's own headers too.
 */
let world: BrowserWorld;
let member: TestUser;
let questionPath: string;

beforeAll(async () => {
  world = await BrowserWorld.start();
  member = await world.api.member('Header Reader');
  const category = await world.api.category();
  const question = await world.api.ask(member, category.id, { title: 'Which DNS servers does the hub hand out?', body: 'My devices get 192.168.1.254 as DNS. Can I change it on the hub?' });
  questionPath = `/questions/${question.id}`;
}, 90_000);

afterAll(() => world?.close());

it('sends a strict policy with a nonce that every inline script carries', async () => {
  const response = await fetch(`${world.webUrl}/`);
  const policy = response.headers.get('content-security-policy') ?? '';
  const directives = Object.fromEntries(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(nonce).toBeTruthy();
  expect(directives['script-src']).toEqual(["'self'", `'nonce-${nonce}'`]);
  expect(directives['frame-ancestors']).toEqual(["'none'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['img-src']).toEqual(["'self'", 'data:']);
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('x-powered-by')).toBeNull();
  const html = await response.text();
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]);
  expect(inlineScripts.length).toBeGreaterThan(0);
  for (const attributes of inlineScripts) expect(attributes).toContain(`nonce="${nonce}"`);
  // A fresh nonce per response.
  const again = (await fetch(`${world.webUrl}/`)).headers.get('content-security-policy');
  expect(again).not.toContain(`'nonce-${nonce}'`);
});

async function violationsWhileVisiting(page: Page, paths: string[]): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  // A string: the tests compile without the DOM's types.
  await page.addInitScript({
    content: "document.addEventListener('securitypolicyviolation', (event) => window.reportViolation(event.violatedDirective + ' ' + event.blockedURI));",
  });
  for (const path of paths) {
    await page.goto(path);
    await waitForHydration(page);
  }
  return violations;
}

it('lets the pages run their scripts under the policy', async () => {
  const { context, page } = await world.withSession(member);
  try {
    expect(await violationsWhileVisiting(page, ['/', questionPath, '/ask', '/search?q=dns', '/categories', '/notifications'])).toEqual([]);
  } finally {
    await context.close();
  }
});

it('sends the same protective headers from the API', async () => {
  const health = await fetch(`${world.api.baseUrl}/healthz`);
  expect(health.headers.get('x-content-type-options')).toBe('nosniff');
  expect(health.headers.get('x-powered-by')).toBeNull();
});

it('clears the session cookie on sign-out with the attributes it was set with', async () => {
  const origin = new URL(world.webUrl).origin;
  const form = (fields: Record<string, string>) => ({ method: 'POST', redirect: 'manual' as const, headers: { origin, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
  const signIn = await fetch(`${world.webUrl}/login`, form({ email: member.email, password: 'correct horse battery' }));
  const set = signIn.headers.get('set-cookie') ?? '';
  expect(set).toMatch(/^peerdesk_session=[^;]+;/);
  const signOut = await fetch(`${world.webUrl}/logout`, { ...form({}), headers: { ...form({}).headers, cookie: set.split(';')[0] } });
  const cleared = signOut.headers.get('set-cookie') ?? '';
  expect(cleared).toMatch(/^peerdesk_session=;/);
  const attributes = (cookie: string) => cookie.split(';').slice(1).map((a) => a.trim().toLowerCase()).filter((a) => !/^(expires|max-age)=/.test(a)).sort();
  expect(attributes(cleared)).toEqual(attributes(set));
  expect(attributes(cleared)).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=lax', 'path=/']));
});
