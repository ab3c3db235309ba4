import { Inject, Injectable } from '@nestjs/common';
import { LIMITS, validationFailed } from '@peerdesk/domain';
import { CategoryLoader } from '../categories/categories.loaders';
import type { CategoryEntity } from '../categories/category.entity';
import { checkId } from '../common/ids';
import type { Loaders } from '../common/loaders';
import { checkPageSize, decodeCursor, encodeCursor } from '../common/pagination';
import { QuestionLoader } from '../questions/questions.loaders';
import type { QuestionRow } from '../questions/questions.repository';
import type { SearchArgs, SimilarQuestionsArgs } from './dto/search.input';
import { SEARCH_ENGINE, type SearchEngine } from './search-engine';
import { SearchInsightsService } from '../search-insights/search-insights.service';
import type { RequestContext } from '../common/viewer';
import { clientIp } from '../rate-limits/client-ip';
import { RateLimitsService } from '../rate-limits/rate-limits.service';

export const MAX_SIMILAR = 5;

function checkText(value: string, field: string, what: string): string {
  const text = value.trim();
  if (!text) throw validationFailed([{ field, message: `Type ${what}.` }]);
  if (text.length > LIMITS.searchQuery.max) throw validationFailed([{ field, message: `At most ${LIMITS.searchQuery.max} characters.` }]);
  return text;
}

/** One page of a search, over entities; the resolver maps it to the schema's SearchConnection. */
export interface SearchPage {
  edges: Array<{ node: { question: QuestionRow; snippet: string }; cursor: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
  totalCountIsExact: boolean;
  facets: { categories: Array<{ category: CategoryEntity; count: number }>; statuses: Array<{ status: QuestionRow['status']; count: number }> };
}

@Injectable()
export class SearchService {
  constructor(
    @Inject(SEARCH_ENGINE) private readonly engine: SearchEngine,
    private readonly insights: SearchInsightsService,
    private readonly rateLimits: RateLimitsService,
  ) {}

  /**
   * The hits' questions and the facets' categories come through the request's loaders, together: the
   * page's `category` fields are then answered from the same batch.
   *
   * An anonymous search may be answered again from the page cache (page-cache/page-cache.ts) until a write
   * changes the index; each such hit records its search as this one did (`repeatOnHit`). A hit runs no
   * resolver, so the `search` rate limit (which guards the engine's work, and a hit costs none) does not
   * refuse it; but it records its search only while it fits the search limits counted in this instance's
   * memory (as views are counted), so a script repeating a cached search cannot swell the insights past what
   * the limits let searches record.
   */
  async search(args: SearchArgs, { loaders, repeatOnHit }: Pick<RequestContext, 'loaders' | 'repeatOnHit'>): Promise<SearchPage> {
    const query = checkText(args.query, 'query', 'some words to search for');
    const first = checkPageSize(args.first);
    const filter = args.filter ?? {};
    if (filter.categoryId) checkId(filter.categoryId, 'category');
    // Cursors hold the hit's offset in the result list (search results have no stable keyset).
    const offset = args.after ? Number(decodeCursor(args.after).key) + 1 : 0;
    if (!Number.isInteger(offset) || offset < 0) {
      throw validationFailed([{ field: 'after', message: 'This cursor is not one the API handed out; start again from the first page.' }]);
    }
    const result = await this.engine.search({ query, filter, sort: args.sort, offset, limit: first });
    // Only the first page is a search; later pages are the same search read further.
    if (offset === 0) {
      this.insights.recordSearch(query, result.totalCount);
      repeatOnHit.push(this.recordOnHit(query, result.totalCount));
    }
    const [questions, categories] = await Promise.all([
      this.liveQuestions(loaders, result.hits.map((hit) => hit.questionId)),
      Promise.all(result.facets.categories.map((facet) => loaders.get(CategoryLoader).load(facet.categoryId))),
    ]);
    const categoryById = new Map(categories.flatMap((category) => (category ? [[category.id, category] as const] : [])));
    const edges = result.hits.flatMap((hit, at) => {
      const question = questions.get(hit.questionId);
      // An engine that lags behind a deletion (Meilisearch's outbox) may still name a gone question.
      return question ? [{ node: { question, snippet: hit.snippet }, cursor: encodeCursor({ key: offset + at, id: hit.questionId }) }] : [];
    });
    return {
      edges,
      pageInfo: {
        hasNextPage: offset + result.hits.length < result.totalCount,
        endCursor: edges.length ? edges[edges.length - 1].cursor : null,
      },
      totalCount: result.totalCount,
      totalCountIsExact: result.totalCountIsExact,
      facets: {
        categories: result.facets.categories.flatMap((facet) => {
          const category = categoryById.get(facet.categoryId);
          return category ? [{ category, count: facet.count }] : [];
        }),
        statuses: result.facets.statuses,
      },
    };
  }

  async similarQuestions(args: SimilarQuestionsArgs, loaders: Loaders): Promise<QuestionRow[]> {
    const title = checkText(args.title, 'title', 'a title');
    if (!Number.isInteger(args.limit) || args.limit < 1 || args.limit > MAX_SIMILAR) {
      throw validationFailed([{ field: 'limit', message: `Between 1 and ${MAX_SIMILAR}.` }]);
    }
    const ids = await this.engine.similar({ title, body: args.body ?? null, limit: args.limit });
    const questions = await this.liveQuestions(loaders, ids);
    return ids.flatMap((id) => questions.get(id) ?? []);
  }

  /**
   * Records the search again for a page-cache hit, within the search limits (see `search`). Made apart from `search`,
   * so the hook, which lives as long as the cached page, holds the query and count and none of the request's rows.
   */
  private recordOnHit(query: string, totalCount: number): (hit: RequestContext) => void {
    return (hit) => {
      if (this.rateLimits.fitsHere('search', { ip: clientIp(hit.req), accountId: null })) this.insights.recordSearch(query, totalCount);
    };
  }

  private async liveQuestions(loaders: Loaders, ids: string[]): Promise<Map<string, QuestionRow>> {
    const rows = await Promise.all(ids.map((id) => loaders.get(QuestionLoader).load(id)));
    // An engine that lags (Meilisearch's outbox) may still name a question hidden a moment ago.
    return new Map(rows.flatMap((row) => (row && !row.deletedAt && row.moderationState === 'VISIBLE' ? [[row.id, row] as const] : [])));
  }
}
