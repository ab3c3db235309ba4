/**
 * One self-rewriting progress line on stderr when it is a terminal; plain lines (every tenth) in logs. Stderr,
 * so a command's output on stdout (a bench's table) stays clean. `rows` is what the rate counts, when it is not
 * `done` itself (the scale seed counts questions done and rows written).
 */
export function progress(label: string, done: number, total: number, startedAt: number, rows = done): void {
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = seconds > 0 ? Math.round(rows / seconds) : 0;
  const width = 30;
  const filled = Math.min(width, Math.round((done / Math.max(total, 1)) * width));
  const counted = rows === done ? '' : `, ${rows.toLocaleString('en')} rows`;
  const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')}${counted} (${rate.toLocaleString('en')}${rows === done ? '' : ' rows'}/s)`;
  if (process.stderr.isTTY) process.stderr.write(`\r${line}${done >= total ? '\n' : ''}`);
  else if (done >= total || done % Math.max(1, Math.round(total / 10)) < 1) process.stderr.write(`${line}\n`);
}
