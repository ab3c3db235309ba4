import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TestApp } from '../support/test-app';

// The built commands (`npm test` type-checks and builds before jest runs).
const cli = (name: string) => fileURLToPath(new URL(`../../apps/api/dist/src/cli/${name}.js`, import.meta.url));

function run(name: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [cli(name), ...args], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('command line', () => {
  let app: TestApp;
  beforeAll(async () => { app = await TestApp.start(); });
  afterAll(async () => { await app.close(); });

  it('refuses to start on bad configuration, naming each variable, with a non-zero exit', () => {
    const result = run('migrate', [], { PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT="eighty" must be a whole number from 1 to 65535');
    expect(result.stderr).toContain('DATABASE_URL must be a postgres:// or postgresql:// URL');
  });

  it('creates an admin who can sign in, and refuses a second account with the same e-mail', async () => {
    const env = { DATABASE_URL: app.databaseUrl };
    const created = run('create-admin', ['--email', 'Boss@Example.com', '--password', 'a long admin password', '--name', 'Boss'], env);
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const login = await app.ok<{ login: { user: { role: string; affiliation: string; email: string } } }>(
      `mutation { login(input: { email: "boss@example.com", password: "a long admin password" }) { user { role affiliation email } } }`,
    );
    expect(login.login.user).toEqual({ role: 'ADMIN', affiliation: 'EMPLOYEE', email: 'boss@example.com' });

    const again = run('create-admin', ['--email', 'boss@example.com', '--password', 'a long admin password'], env);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
  });

  it('explains a too-short password by its option name', () => {
    const result = run('create-admin', ['--email', 'x@example.com', '--password', 'short'], { DATABASE_URL: app.databaseUrl });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--password: .*10/);
  });
});
