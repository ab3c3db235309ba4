import { logged } from '../support/log-capture';
import { TestApp } from '../support/test-app';

// Opening the API's /graphql in a browser: a short page that says where to go, never an error.

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

describe('GET /graphql', () => {
  let app: TestApp;
  beforeAll(async () => { app = await TestApp.start({ ORIGIN: 'https://help.example.com' }); });
  afterAll(async () => { await app.close(); });

  it('shows a browser a page naming the endpoint, the schema file and the web app, and logs nothing', async () => {
    let response!: Response;
    let body = '';
    const log = await logged(async () => {
      response = await fetch(`${app.baseUrl}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
      body = await response.text();
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(body).toContain(`<code>${app.baseUrl}/graphql</code>`);
    expect(body).toContain('packages/api-client/schema.graphql');
    expect(body).toContain('<a href="https://help.example.com">https://help.example.com</a>');
    expect(body).not.toMatch(/<script|<link|https?:\/\/(?!help\.example\.com|127\.0\.0\.1)/);
    expect(log).toBe('');
  });

  it('still runs a query sent by GET', async () => {
    for (const accept of ['application/json', BROWSER_ACCEPT]) {
      const response = await fetch(`${app.baseUrl}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { accept, 'apollo-require-preflight': 'true' },
      });
      expect({ accept, status: response.status, body: await response.json() }).toEqual({ accept, status: 200, body: { data: { __typename: 'Query' } } });
    }
  });

  it('answers an API client that sends no query with BAD_REQUEST, not a page, and logs one line without a stack', async () => {
    let response!: Response;
    let body: unknown;
    const log = await logged(async () => {
      response = await fetch(`${app.baseUrl}/graphql`, { headers: { accept: 'application/json', 'apollo-require-preflight': 'true' } });
      body = await response.json();
    });
    expect(response.status).toBe(400);
    expect(body).toEqual({ errors: [{ message: expect.stringContaining('non-empty `query`'), extensions: { code: 'BAD_REQUEST' } }] });
    expect(log.trim().split('\n').length).toBeLessThanOrEqual(1);
    expect(log).not.toMatch(/\n\s+at /);
  });
});
