import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { TypedDocumentString } from '@peerdesk/api-client';
import { graphql, GraphQLRequestError, SESSION_COOKIE, type Variables } from './graphql';

/** What a signed-in member reads on a console page their role does not open. */
export const CONSOLE_FORBIDDEN = 'This page is for our team. Your account does not have access to it; if you think it should, ask an administrator.';

/**
 * Loads for the staff, moderation, report and admin pages. The API decides who may see what (one
 * capability table, in packages/domain); the web only turns its answer into the right page: a
 * signed-out visitor goes to /login and comes back afterwards, a signed-in member gets a readable 403.
 */
export async function consoleQuery<T, V extends Variables>(
  event: RequestEvent,
  document: TypedDocumentString<T, V>,
  variables?: V,
  { rethrowInvalid = false }: { /** Let VALIDATION_FAILED through, for a page that shows it beside its fields. */ rethrowInvalid?: boolean } = {},
): Promise<T> {
  const toLogin = () => redirect(303, `/login?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
  if (!event.cookies.get(SESSION_COOKIE)) toLogin();
  try {
    return await graphql(document as TypedDocumentString<T, Variables>, variables);
  } catch (e) {
    if (!(e instanceof GraphQLRequestError)) throw e;
    if (e.code === 'UNAUTHENTICATED') toLogin();
    if (e.code === 'FORBIDDEN') {
      error(403, { code: e.code, message: CONSOLE_FORBIDDEN });
    }
    if (e.code === 'VALIDATION_FAILED' && rethrowInvalid) throw e;
    if (e.code === 'VALIDATION_FAILED') error(400, { code: e.code, message: e.message });
    if (e.code === 'NOT_FOUND') error(404, { code: e.code, message: e.message });
    if (e.unavailable) error(503, { code: e.code, message: 'The community service is not answering right now. Please try again in a minute.' });
    error(502, { code: e.code, message: e.message });
  }
}
