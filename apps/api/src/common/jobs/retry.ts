/**
 * How a job retries one item (a mail, a delivery, an outbox row) that failed: the item's row keeps its
 * attempts and its next_attempt_at, so the schedule survives restarts and is shared by every process.
 */
export interface RetryPolicy {
  /** Attempts in all, the first included; after the last failure the item is given up (Infinity: never). */
  maxAttempts: number;
  baseSeconds: number;
  maxDelaySeconds: number;
  /** How long a claimed row stays invisible to other workers while it is worked (a crashed worker's row comes back after it). */
  leaseSeconds: number;
}

/** Exponential: base, 2×base, 4×base… capped; `attempts` is how many have been made so far (≥ 1). */
export function backoffSeconds(policy: Pick<RetryPolicy, 'baseSeconds' | 'maxDelaySeconds'>, attempts: number): number {
  return Math.min(policy.maxDelaySeconds, policy.baseSeconds * 2 ** Math.max(0, attempts - 1));
}

export function addSeconds(at: Date, seconds: number): Date {
  return new Date(at.getTime() + seconds * 1000);
}

/** When a row claimed at `now` comes back to the other workers if its worker never reports. */
export function leaseUntil(policy: RetryPolicy, now: Date): Date {
  return addSeconds(now, policy.leaseSeconds);
}

/** What becomes of an item whose `attempts`-th attempt failed at `now`. */
export function afterFailure(policy: RetryPolicy, attempts: number, now: Date): { giveUp: boolean; retryAt: Date } {
  return { giveUp: attempts >= policy.maxAttempts, retryAt: addSeconds(now, backoffSeconds(policy, attempts)) };
}

/** An error as a short line for a text column or a log. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.slice(0, 1000);
}
