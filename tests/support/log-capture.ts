/** Whatever the process writes to stdout and stderr while `work` runs (the API logs there), for tests of what a request logs. */
export async function logged(work: () => Promise<void>): Promise<string> {
  const streams = [process.stdout, process.stderr];
  const originals = streams.map((stream) => stream.write);
  let output = '';
  for (const stream of streams) {
    stream.write = ((chunk: string | Uint8Array) => {
      output += chunk.toString();
      return true;
    }) as typeof stream.write;
  }
  try {
    await work();
  } finally {
    streams.forEach((stream, i) => (stream.write = originals[i]));
  }
  return output;
}
