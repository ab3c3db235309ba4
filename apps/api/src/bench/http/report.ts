import type { HttpBenchResult } from './http.bench';

const VIA: Record<string, string> = { html: 'web page', graphql: 'API GraphQL', sql: 'SQL floor (pg)', write: 'API GraphQL, signed in' };

/** The result as Markdown: what ran where, then one line per row. */
export function formatTable(result: HttpBenchResult): string {
  const load = (figures: number[]) => figures.map((n) => n.toFixed(2)).join(' / ');
  const lines = [
    `# HTTP bench: ${result.questions.toLocaleString('en')} questions`,
    '',
    `${result.date}, Node ${result.node}, ${result.cpus} CPUs, ${result.seconds} s a row; load average (1/5/15 min) ${load(result.loadAverage.before)} before, ${load(result.loadAverage.after)} after.`,
    '',
    'req/s: requests per second (GraphQL rows: GraphQL requests; pages/s divides by the requests the web sends per page). ' +
      'Latency is per request (SQL floor: the page\'s statements in sequence on one connection). ' +
      'ratio: web pages/s over the API\'s (HTML rows), API pages/s over the SQL floor\'s (GraphQL rows). ' +
      'RSS: each server process\'s peak during the row. committed/s: rows the database gained per second; ' +
      'CPU ms/write: CPU time of the API process and of the database\'s backends per committed row; API CPU ms/req: the API process\'s CPU time per GraphQL request (both hold on a shared machine).',
    '',
    '| page | via | conc. | req/s | pages/s | per page | p50 ms | p95 ms | p99 ms | errors | non-2xx | API RSS MB | web RSS MB | ratio | committed/s | CPU ms/write API + DB | API CPU ms/req |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const row of result.rows) {
    const { figures } = row;
    lines.push(`| ${[
      row.page, VIA[row.via], row.connections, figures.perSecond, row.pagesPerSecond, row.perPage ?? '',
      figures.latencyMs.p50, figures.latencyMs.p95, figures.latencyMs.p99, figures.errors, figures.non2xx,
      row.rssMb?.api ?? '', row.rssMb?.web ?? '', row.ratio === undefined ? '' : `${row.ratio}×`, row.committedPerSecond ?? '',
      row.cpuMsPerWrite ? `${row.cpuMsPerWrite.api} + ${row.cpuMsPerWrite.database}` : '', row.apiCpuMsPerRequest ?? '',
    ].join(' | ')} |`);
  }
  const failed = result.rows.filter((row) => row.figures.firstError);
  if (failed.length) lines.push('', 'First error of each failing row:', '', ...failed.map((row) => `- ${row.page} (${row.via}, ${row.connections}): ${row.figures.firstError}`));
  return `${lines.join('\n')}\n`;
}
