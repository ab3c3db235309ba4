/** One self-rewriting progress line on a terminal; plain lines in logs. */
export function progress(label: string, done: number, total: number, startedAt: number): void {
  const seconds = (Date.now() - startedAt) / 1000;
  const rate = seconds > 0 ? Math.round(done / seconds) : 0;
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const line = `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} (${rate.toLocaleString('en')}/s)`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}${done >= total ? '\n' : ''}`);
  else if (done >= total || done % Math.max(1, Math.round(total / 10)) < 1) process.stdout.write(`${line}\n`);
}
