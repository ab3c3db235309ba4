import { RecordAskEventDocument, type RecordAskEventInput } from '@peerdesk/api-client';
import { graphql, GraphQLRequestError } from './graphql';

/** The ask page's per-attempt id, as the API accepts it (16–64 of A–Z a–z 0–9 _ -). */
export function askSessionId(raw: string | null): string | null {
  return raw && /^[A-Za-z0-9_-]{16,64}$/.test(raw) ? raw : null;
}

/**
 * Tells the API what the ask form showed or what was opened (search-gap and deflection reports read it).
 * A failure is not the customer's problem: it never blocks asking or opening a suggestion.
 */
export async function recordAskEvent(fetch: typeof globalThis.fetch, input: RecordAskEventInput): Promise<void> {
  try {
    await graphql(fetch, RecordAskEventDocument, { input });
  } catch (e) {
    if (!(e instanceof GraphQLRequestError)) throw e;
  }
}
