/** What one short transaction of a job did: how many rows it claimed, and the ids it finished. */
export interface BatchResult {
  claimed: number;
  done: string[];
}

/**
 * Runs a job's batches one after another until one claims nothing; returns every id done. A claimed row
 * that its re-check under the lock turned away still counts as claimed, so a batch of such rows does not
 * end the pass early.
 */
export async function drainBatches(batch: () => Promise<BatchResult>): Promise<string[]> {
  const done: string[] = [];
  for (;;) {
    const result = await batch();
    if (result.claimed === 0) return done;
    done.push(...result.done);
  }
}
