import { redirect } from '@sveltejs/kit';
import { askSessionId, recordAskEvent } from '$lib/server/ask-events';
import type { RequestHandler } from './$types';

/** A suggestion on the ask page was opened: record it, then go to the question. */
export const GET: RequestHandler = async ({ url }) => {
  const questionId = url.searchParams.get('question') ?? '';
  if (!/^\d+$/.test(questionId)) redirect(303, '/ask');
  const session = askSessionId(url.searchParams.get('session'));
  if (session) await recordAskEvent({ askSessionId: session, kind: 'SUGGESTION_OPENED', questionId });
  redirect(303, `/questions/${questionId}`);
};
