import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { TestApp, type TestUser } from './test-app';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** The built web app (apps/web/build, made by browser-global-setup.ts) as its own process, talking to `api`. */
export async function startWeb(apiBaseUrl: string): Promise<{ url: string; process: ChildProcess; output: () => string }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['apps/web/build/index.js'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, API_URL: `${apiBaseUrl}/graphql` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The web app exited with code ${child.exitCode}:\n${output}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      return { url, process: child, output: () => output };
    } catch {
      if (Date.now() > deadline) throw new Error(`The web app did not answer on ${url} within 20 s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; failureSummary?: string }>;
}

/**
 * One browser test file's world: the real API (NODE_ENV=test, its own fresh database), the built web
 * app in front of it, and one Chromium (Debian's, headless). Each signed-in person gets a browser
 * context of their own, so their cookies never mix.
 */
export class BrowserWorld {
  private constructor(
    readonly api: TestApp,
    readonly webUrl: string,
    readonly browser: Browser,
    private readonly web: { process: ChildProcess; output: () => string },
  ) {}

  /** `env`: the API's configuration beyond the test defaults (e.g. NEW_MEMBER_REVIEW_POSTS). */
  static async start(env: Record<string, string> = {}): Promise<BrowserWorld> {
    if (!existsSync(CHROMIUM)) throw new Error(`Browser tests need Debian's Chromium at ${CHROMIUM} (apt-get install chromium).`);
    const api = await TestApp.start(env);
    let web;
    try {
      web = await startWeb(api.baseUrl);
    } catch (error) {
      await api.close();
      throw error;
    }
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    mkdirSync(ARTIFACTS, { recursive: true });
    return new BrowserWorld(api, web.url, browser, web);
  }

  /** What the web process printed, for a failing test's message. */
  webOutput(): string {
    return this.web.output();
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    const exited = new Promise((resolve) => this.web.process.once('exit', resolve));
    this.web.process.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
    await this.api.close();
  }

  /** A fresh browser profile (no cookies) with a page on the web app. */
  async visitor(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({ baseURL: this.webUrl, viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    return { context, page };
  }

  /**
   * A browser profile that already carries `user`'s session cookie (from signing up through the API),
   * for tests about what signed-in people see rather than about signing in.
   */
  async withSession(user: TestUser): Promise<{ context: BrowserContext; page: Page }> {
    const visitor = await this.visitor();
    await visitor.context.addCookies([{ name: 'peerdesk_session', value: user.token, url: this.webUrl, httpOnly: true, sameSite: 'Lax' }]);
    return visitor;
  }

  /** A browser profile signed in as `user` through the web's own sign-in form. */
  async signedIn(user: TestUser): Promise<{ context: BrowserContext; page: Page }> {
    const visitor = await this.visitor();
    await signIn(visitor.page, user.email);
    return visitor;
  }

  /** Moves the API's clock forward (test-only route) and runs one escalation sweep. */
  async advanceAndSweep(seconds: number): Promise<{ escalated: string[]; breached: string[] }> {
    const post = async (path: string, body: unknown) => {
      const response = await fetch(`${this.api.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`POST ${path} answered ${response.status}: ${await response.text()}`);
      return response.json() as Promise<{ escalated: string[]; breached: string[] }>;
    };
    await post('/test/clock', { advanceSeconds: seconds });
    return post('/test/sweep', {});
  }
}

/**
 * Signs in through /login as a person would (labels: "Email", "Password", button "Sign in"), straight
 * away: the form works before the page hydrates too (tests/browser/community.spec.ts holds the scripts
 * back to prove it), so there is nothing to wait for.
 */
export async function signIn(page: Page, email: string, password = 'correct horse battery'): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/login')), page.getByRole('button', { name: 'Sign in' }).click()]);
}

/**
 * Waits until the page's JavaScript has taken over (the root layout marks <html data-hydrated>): for
 * tests about what scripts add, such as live previews. Forms work before it too (they post without
 * JavaScript, and their fields keep what was typed or chosen: `defaultValue`, `defaultChecked`, TextArea),
 * so filling and submitting needs no wait, but hydration closes a `<details>` menu opened before it:
 * a test that opens one with scripts on waits for this first.
 */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForSelector('html[data-hydrated]', { state: 'attached' });
}

/** Runs axe-core in the page; returns the serious and critical violations (the ones the issue forbids). */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy (rightly) refuses an inline script.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    // The whole page (axe's context selector for the document root).
    const result = await axe.run('html', { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** A readable list of violations for a failing assertion. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`).join('\n');
}

/** A full-page screenshot under tests/artifacts/ (gitignored), named after the page. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = `${ARTIFACTS}${name}.png`;
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Loads `path` in a fresh profile and sums the gzip size of every JavaScript response (compressed
 * here at level 9, so the figure does not depend on what the server chose to send).
 */
export async function javascriptShipped(world: BrowserWorld, path: string): Promise<{ files: number; gzipBytes: number; rawBytes: number }> {
  const { context, page } = await world.visitor();
  const bodies: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    const type = response.request().resourceType();
    if (type === 'script' || response.url().endsWith('.js')) bodies.push(response.body());
  });
  await page.goto(path, { waitUntil: 'networkidle' });
  const all = await Promise.all(bodies);
  await context.close();
  return {
    files: all.length,
    rawBytes: all.reduce((sum, body) => sum + body.length, 0),
    gzipBytes: all.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0),
  };
}
