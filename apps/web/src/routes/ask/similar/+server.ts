import { json } from '@sveltejs/kit';
import { SimilarQuestionsDocument } from '@peerdesk/api-client';
import { LIMITS } from '@peerdesk/domain';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import { askSessionId, recordAskEvent } from '$lib/server/ask-events';
import type { RequestHandler } from './$types';

/**
 * Likely duplicates of the title being typed on /ask, solved ones first. The ask page's few lines of
 * script call this; the API does the matching.
 */
export const GET: RequestHandler = async ({ url }) => {
  const title = (url.searchParams.get('title') ?? '').trim().slice(0, LIMITS.title.max);
  if (title.length < 8) return json([]);
  try {
    const { similarQuestions } = await graphql(SimilarQuestionsDocument, { title, body: url.searchParams.get('body')?.slice(0, 2000) || null });
    const solvedFirst = [...similarQuestions].sort((a, b) => Number(b.status === 'SOLVED') - Number(a.status === 'SOLVED'));
    const session = askSessionId(url.searchParams.get('session'));
    if (session && solvedFirst.length) await recordAskEvent({ askSessionId: session, kind: 'SUGGESTIONS_SHOWN', suggestionCount: solvedFirst.length });
    const open = (id: string) => `/ask/open?question=${id}${session ? `&session=${session}` : ''}`;
    return json(solvedFirst.map((q) => ({ href: open(q.id), title: q.title, status: q.status, answerCount: q.answerCount, solvedBy: q.acceptedAnswer?.authorKind ?? null })));
  } catch (e) {
    if (e instanceof GraphQLRequestError) return json([], { status: e.unavailable ? 503 : 400 });
    throw e;
  }
};
