import { RecordAskEventDocument, type RecordAskEventInput } from '@peerdesk/api-client';
import { isAskSessionId } from '@peerdesk/domain';
import { graphql, GraphQLRequestError } from './graphql';

/** The ask page's per-attempt id when it is one the API accepts, else null. */
export function askSessionId(raw: string | null): string | null {
  return raw && isAskSessionId(raw) ? raw : null;
}

/**
 * Tells the API what the ask form showed or what was opened (search-gap and deflection reports read it).
 * A failure is not the customer's problem: it never blocks asking or opening a suggestion.
 */
export async function recordAskEvent(input: RecordAskEventInput): Promise<void> {
  try {
    await graphql(RecordAskEventDocument, { input });
  } catch (e) {
    if (!(e instanceof GraphQLRequestError)) throw e;
  }
}
