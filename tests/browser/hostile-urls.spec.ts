import { BrowserWorld } from '../support/browser';

/**
 * Addresses a hostile or careless client sends the web app: a NUL byte, malformed percent-encoding, ids that
 * are not ids. Each gets a readable page with a 4xx status, never a 500 (issue "Hold against hostile
 * clients", finding 7: `/search?q=%00` and `/categories/%00` answered 500).
 */
let world: BrowserWorld;

beforeAll(async () => {
  world = await BrowserWorld.start();
}, 90_000);

afterAll(() => world?.close());

it.each([
  '/search?q=%00',
  '/search?q=router%00',
  '/search?q=%FF%FE',
  '/categories/%00',
  '/categories/%FF',
  '/questions/%00',
  '/questions/abc/%00',
  '/users/%00',
  '/login?next=%00',
])('answers %s with a 4xx page or a page of its own, not a 500', async (path) => {
  const response = await fetch(`${world.webUrl}${path}`, { redirect: 'manual' });
  expect([path, response.status < 500]).toEqual([path, true]);
  const body = await response.text();
  expect(body).not.toMatch(/Internal Error|Something went wrong on our side/i);
});
