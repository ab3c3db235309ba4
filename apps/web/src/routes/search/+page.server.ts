import { error } from '@sveltejs/kit';
import { SearchDocument, type SearchSort } from '@peerdesk/api-client';
import { isThreadStatus, LIMITS } from '@peerdesk/domain';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import { escapeHtml, markOnlyHtml } from '$lib/snippet';
import type { PageServerLoad } from './$types';

const SORTS: Record<string, SearchSort> = { relevance: 'RELEVANCE', newest: 'NEWEST', score: 'SCORE' };

export const load: PageServerLoad = async ({ url }) => {
  const q = (url.searchParams.get('q') ?? '').trim();
  const sortParam = url.searchParams.get('sort') ?? 'relevance';
  const sort = sortParam in SORTS ? sortParam : 'relevance';
  const statusParam = url.searchParams.get('status') ?? '';
  const status = isThreadStatus(statusParam) ? statusParam : null;
  const categoryId = url.searchParams.get('category') || null;
  const base = { q, sort, status, categoryId, now: new Date().toISOString() };
  if (!q) return { ...base, result: null, message: null };
  try {
    const { search } = await graphql(SearchDocument, { query: q.slice(0, LIMITS.searchQuery.max), filter: { status, categoryId }, sort: SORTS[sort], after: url.searchParams.get('after') || null });
    const snippets: Record<string, string> = {};
    for (const { node } of search.edges) snippets[node.question.id] = markOnlyHtml(node.snippet) ?? escapeHtml(node.snippet);
    return {
      ...base,
      message: null,
      result: {
        totalCount: search.totalCount,
        totalCountIsExact: search.totalCountIsExact,
        questions: search.edges.map((edge) => edge.node.question),
        snippets,
        facets: search.facets,
        nextCursor: search.pageInfo.hasNextPage ? search.pageInfo.endCursor : null,
      },
    };
  } catch (e) {
    if (e instanceof GraphQLRequestError && e.code === 'VALIDATION_FAILED') return { ...base, result: null, message: e.message };
    if (e instanceof GraphQLRequestError && e.unavailable) error(503, { code: e.code, message: 'Search is not answering right now. Please try again in a minute.' });
    throw e;
  }
};
