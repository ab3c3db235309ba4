/** What one short transaction of a job did: how many rows it claimed, and the ids it finished. */
export interface BatchResult {
  claimed: number;
  done: string[];
}

/**
 * Runs a job's batches one after another until one claims nothing; returns every id done. A claimed row
 * that its re-check under the lock turned away still counts as claimed, so a batch of such rows does not
 * end the pass early. With `workers` above 1, that many such loops run at once (each batch claims with
 * SKIP LOCKED, so they share the due rows as separate processes would): a backlog is drained on every core
 * the database has.
 */
export async function drainBatches(batch: () => Promise<BatchResult>, workers = 1): Promise<string[]> {
  const done: string[] = [];
  const drain = async (): Promise<void> => {
    for (;;) {
      const result = await batch();
      if (result.claimed === 0) return;
      done.push(...result.done);
    }
  };
  await Promise.all(Array.from({ length: workers }, drain));
  return done;
}
