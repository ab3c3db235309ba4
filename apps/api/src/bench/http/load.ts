import autocannon from 'autocannon';
import type { Pool } from 'pg';
import type { Statement } from './capture';

/** What one row measured: page loads (or writes) per second and each request's latency. */
export interface LoadFigures {
  /** Completed requests (GraphQL requests, page loads or statement sequences). */
  requests: number;
  seconds: number;
  /** Requests per second. */
  perSecond: number;
  latencyMs: { p50: number; p95: number; p99: number };
  /** Connection errors and timeouts (no answer within 10 s), GraphQL `errors` and failed statements. */
  errors: number;
  non2xx: number;
  /** The first error seen, to say why a row failed. */
  firstError?: string;
}

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))];
}

function figures(latencies: number[], seconds: number, errors: number, non2xx: number, firstError?: string): LoadFigures {
  const sorted = Float64Array.from(latencies).sort();
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    requests: latencies.length,
    seconds: Math.round(seconds * 100) / 100,
    perSecond: Math.round((latencies.length / seconds) * 10) / 10,
    latencyMs: { p50: round(percentile([...sorted], 0.5)), p95: round(percentile([...sorted], 0.95)), p99: round(percentile([...sorted], 0.99)) },
    errors,
    non2xx,
    ...(firstError ? { firstError } : {}),
  };
}

/** One HTTP request a client sends; `body` is built afresh for each request when it is a function. */
export interface HttpRequest {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string | (() => string);
}

/**
 * Runs autocannon against `url` with `connections` connections for `seconds`: each connection sends the
 * requests `perConnection(i)` gives it, in turn, again and again. Latency is each response's own time, gathered here so
 * p95 is exact (autocannon's summary has p97.5, not p95). GraphQL answers that carry `errors` count as errors.
 */
export async function httpLoad(url: string, connections: number, seconds: number, perConnection: (connection: number) => HttpRequest[]): Promise<LoadFigures> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let firstError: string | undefined;
  let nextConnection = 0;
  const toAutocannon = (request: HttpRequest) => ({
    method: request.method,
    path: request.path,
    headers: request.headers ?? {},
    ...(typeof request.body === 'function'
      ? {
          setupRequest: (built: Record<string, unknown>) => ({ ...built, body: (request.body as () => string)() }),
        }
      : { body: request.body }),
    onResponse: (status: number, body: string) => {
      // An error is a top-level key; inside user text the quotes would be escaped.
      if (body.includes('"errors":[')) {
        graphqlErrors++;
        firstError ??= body.slice(0, 300);
      } else if (status >= 300) {
        firstError ??= `HTTP ${status} ${request.method} ${request.path}: ${body.slice(0, 200)}`;
      }
    },
  });
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url,
      connections,
      duration: seconds,
      // One request at a time per connection, as a browser or the web app sends them.
      pipelining: 1,
      timeout: 10,
      requests: perConnection(0).map(toAutocannon) as never,
      setupClient: (client: { setRequests(requests: unknown[]): void }) => {
        client.setRequests(perConnection(nextConnection++).map(toAutocannon));
      },
    } as autocannon.Options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  // autocannon's errors include its timeouts (no answer within 10 s).
  if (result.errors > 0) firstError ??= `${result.timeouts} timeouts (no answer within 10 s), ${result.errors - result.timeouts} other connection errors`;
  return figures(latencies, Math.min(elapsed, seconds + 1), result.errors + graphqlErrors, result.non2xx, firstError);
}

/**
 * The SQL floor: `connections` clients of `pool` each run the page's statements, one after another on one
 * connection, with the parameters the API sent, again and again for `seconds`. A page load here is the
 * whole sequence; a failed statement rolls back whatever transaction it was in and counts as an error.
 */
export async function sqlLoad(pool: Pool, statements: Statement[], connections: number, seconds: number): Promise<LoadFigures> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = process.hrtime.bigint();
  const until = Date.now() + seconds * 1000;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (Date.now() < until) {
        const start = process.hrtime.bigint();
        try {
          for (const statement of statements) await client.query(statement.text, statement.parameters);
          latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
        } catch (error) {
          errors++;
          firstError ??= (error as Error).message;
          await client.query('ROLLBACK').catch(() => undefined);
        }
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return figures(latencies, Number(process.hrtime.bigint() - started) / 1e9, errors, 0, firstError);
}
