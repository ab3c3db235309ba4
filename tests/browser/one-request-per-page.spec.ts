import type { ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { startWeb } from '../support/browser';
import { TestApp, type TestUser } from '../support/test-app';

/**
 * The web renders a page from one GraphQL request (issue #17, "lean pages"): a page whose load asks the API
 * twice (a layout and a page each asking, or a look-up before the real query) costs a round trip, a parse
 * and a copy more on every view. The built web app talks to the real API through a proxy here that
 * writes down each GraphQL operation it forwards, by name, per page fetched. No browser: only the server's
 * requests count, and a page's HTML is all it takes.
 */
let api: TestApp;
let proxy: Server;
let web: { url: string; process: ChildProcess };
let operations: string[] = [];

/** Forwards every request to the API as it came, noting the GraphQL operation's name. */
function countingProxy(target: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      if (request.url === '/graphql' && request.method === 'POST') {
        const { query } = JSON.parse(body.toString('utf8')) as { query: string };
        operations.push(/\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? '(anonymous)');
      }
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
      fetch(`${target}${request.url}`, { method: request.method, headers, body: request.method === 'POST' ? body : undefined })
        .then(async (answer) => {
          response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          response.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch(() => response.writeHead(502).end());
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** The GraphQL operations the web sent the API to render `path` (as `user`, when given). */
async function operationsFor(path: string, user?: TestUser): Promise<string[]> {
  operations = [];
  const response = await fetch(`${web.url}${path}`, { headers: user ? { cookie: `peerdesk_session=${user.token}` } : {}, redirect: 'manual' });
  expect(response.status).toBe(200);
  await response.text();
  return operations;
}

let category: { id: string; slug: string };
let question: { id: string };
let member: TestUser;

beforeAll(async () => {
  api = await TestApp.start();
  const counting = await countingProxy(api.baseUrl);
  proxy = counting.server;
  web = await startWeb(counting.url);

  const moderator = await api.userWithRole('MODERATOR');
  member = await api.member('Reader');
  category = await api.category();
  const asker = await api.member('Asker');
  const pinned = await api.ask(asker, category.id);
  await api.ok(`mutation ($id: ID!) { pinQuestion(id: $id) { id } }`, { id: pinned.id }, moderator);
  await api.ok(`mutation ($id: ID!, $message: String!) { setCategoryAnnouncement(categoryId: $id, message: $message) { message } }`, { id: category.id, message: 'Outage in the north-west.' }, moderator);
  question = await api.ask(asker, category.id);
  await api.answer(await api.member('Helper'), question.id);
}, 90_000);

afterAll(async () => {
  if (web) {
    const exited = new Promise((resolve) => web.process.once('exit', resolve));
    web.process.kill('SIGTERM');
    await exited;
  }
  proxy?.closeAllConnections();
  proxy?.close();
  await api?.close();
});

it.each([
  ['the home page', () => '/', 'Home'],
  ['the categories', () => '/categories', 'Categories'],
  ['a category page, its pinned question, announcement and list', () => `/categories/${category.slug}`, 'CategoryPage'],
  ['a filtered category list', () => `/categories/${category.slug}?sort=newest&show=unanswered`, 'CategoryPage'],
  ['a question page', () => `/questions/${question.id}`, 'QuestionPage'],
  ['a search', () => '/search?q=router', 'Search'],
])('renders %s from one GraphQL request', async (_page, path, operation) => {
  expect(await operationsFor(path())).toEqual([operation]);
  // Signed in, the request's viewer (hooks.server.ts, once per request, for every page and form) comes first.
  expect(await operationsFor(path(), member)).toEqual(['Viewer', operation]);
});
