import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import { SystemClock } from '../../common/clock';
import type { AppConfig } from '../../config/config';
import { createDataSource } from '../../database/data-source';
import type { SentStatement as Statement, StatementCounter } from '../../database/statement-counter';
import { createApi } from '../../main';
import { startWebProcess } from './servers';

export type { Statement };

/** What one anonymous page view costs: the GraphQL requests the web sent for it, and the SQL the API sent for those. */
export interface CapturedPage {
  /** The page's path after redirects. */
  path: string;
  /** The JSON bodies the web POSTed to the API, in the order sent. */
  graphql: string[];
  statements: Statement[];
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** A pass-through in front of the API that keeps every GraphQL body the web sends. */
function recorder(port: number, apiUrl: string, bodies: string[]): Promise<HttpServer> {
  const server = createServer((request, response) => {
    void (async () => {
      const body = await readBody(request);
      bodies.push(body.toString());
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'accept', 'cookie', 'user-agent', 'x-forwarded-for']) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const answer = await fetch(apiUrl, { method: request.method, headers, body: request.method === 'GET' ? undefined : body });
      response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
      response.end(Buffer.from(await answer.arrayBuffer()));
    })().catch((error: unknown) => {
      response.writeHead(502);
      response.end(String(error));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

/** Follows redirects by hand, so the bench times the page people land on rather than a 3xx. */
async function landing(webUrl: string, path: string): Promise<{ path: string; html: string }> {
  for (let hops = 0; hops < 5; hops++) {
    const response = await fetch(`${webUrl}${path}`, { redirect: 'manual' });
    const location = response.headers.get('location');
    if (response.status >= 300 && response.status < 400 && location) {
      const next = new URL(location, `${webUrl}${path}`);
      path = next.pathname + next.search;
      continue;
    }
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${(await response.text()).slice(0, 500)}`);
    return { path, html: await response.text() };
  }
  throw new Error(`GET ${path} redirects more than 5 times`);
}

/** The "next page" link of a list page (`?after=<cursor>`), or null on its last page. */
function nextPageLink(html: string): string | null {
  const match = /href="([^"]*[?&](?:amp;)?after=[^"]*)"/.exec(html);
  return match ? match[1].replace(/&amp;/g, '&') : null;
}

/**
 * Follows a list's "next page" links from `path` up to `pages` pages deep (or to its last page): the cursor a
 * reader reaches by paging, whatever the cursor's format.
 */
export async function deepPage(webUrl: string, path: string, pages: number): Promise<string> {
  let at = path;
  for (let page = 1; page < pages; page++) {
    const next = nextPageLink((await landing(webUrl, at)).html);
    if (!next) break;
    at = next.startsWith('/') ? next : new URL(next, `${webUrl}${at}`).pathname + new URL(next, `${webUrl}${at}`).search;
  }
  return at;
}

/**
 * Opens each page once through the built web app, anonymously, in front of an API of its own whose
 * DataSource keeps every statement with its parameters (the StatementCounter of COUNT_SQL_STATEMENTS): what
 * the web sends for the page and what the API sends to PostgreSQL for it. `deep` names pages reached by
 * paging from a list (`{ from, pages }`). The process is warmed first on a page the bench does not time
 * (the category index), so one-off lookups it keeps do not count; its page cache is off.
 */
export async function capturePages(
  databaseUrl: string,
  config: AppConfig,
  ports: { api: number; recorder: number; web: number },
  paths: Record<string, string | { from: string; pages: number }>,
): Promise<Record<string, CapturedPage>> {
  const dataSource = await createDataSource(databaseUrl, 10, { countStatements: true }).initialize();
  const counter = dataSource.logger as StatementCounter;
  // No page cache: what is captured is the SQL behind a page, which a cached response would hide.
  const api = await createApi({
    config: { ...config, nodeEnv: 'test', pageCacheSeconds: 0, rateLimits: { ...config.rateLimits, enabled: false } }, dataSource, clock: new SystemClock(),
  });
  const bodies: string[] = [];
  let proxy: HttpServer | null = null;
  let web: Awaited<ReturnType<typeof startWebProcess>> | null = null;
  try {
    await api.listen(ports.api, '127.0.0.1');
    proxy = await recorder(ports.recorder, `http://127.0.0.1:${ports.api}/graphql`, bodies);
    web = await startWebProcess(ports.web, `http://127.0.0.1:${ports.recorder}/graphql`);
    await landing(web.url, '/categories');
    const captured: Record<string, CapturedPage> = {};
    for (const [name, spec] of Object.entries(paths)) {
      // Paging to the deep page views the pages before it, not the deep page itself.
      const deep = typeof spec === 'string' ? null : await deepPage(web.url, spec.from, spec.pages);
      const [fromBody, fromStatement] = [bodies.length, counter.statements.length];
      const { path } = await landing(web.url, deep ?? (spec as string));
      captured[name] = {
        path,
        graphql: bodies.slice(fromBody),
        statements: counter.statements.slice(fromStatement),
      };
    }
    return captured;
  } finally {
    await web?.stop();
    await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
    await api.close();
    if (dataSource.isInitialized) await dataSource.destroy();
  }
}
