import { json } from '@sveltejs/kit';
import { MentionSuggestionsDocument } from '@peerdesk/api-client';
import { LIMITS } from '@peerdesk/domain';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import type { RequestHandler } from './$types';

/**
 * Members to @mention for the Markdown editor's autocomplete (`?prefix=ann&question=12`): the editor's few
 * lines of script call this; the API matches, puts the thread's participants first and rate limits.
 * A signed-out visitor writes no posts and gets an empty list.
 */
export const GET: RequestHandler = async ({ url, locals }) => {
  const prefix = (url.searchParams.get('prefix') ?? '').slice(0, LIMITS.mentionPrefix.max);
  const question = url.searchParams.get('question');
  if (!locals.viewer || !prefix.trim()) return json([]);
  try {
    const { mentionSuggestions } = await graphql(MentionSuggestionsDocument, { prefix, questionId: question && /^\d{1,18}$/.test(question) ? question : null });
    return json(mentionSuggestions.map(({ displayName, token }) => ({ displayName, token })));
  } catch (e) {
    if (e instanceof GraphQLRequestError) return json([], { status: e.unavailable ? 503 : e.code === 'RATE_LIMITED' ? 429 : 400 });
    throw e;
  }
};
