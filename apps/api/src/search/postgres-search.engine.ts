import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { type Clock, SystemClock } from '../common/clock';
import { QuestionsRepository } from '../questions/questions.repository';
import { MATCH_CAP, PostgresSearchRepository } from './postgres-search.repository';
import { SearchOutboxRepository } from './search-outbox.repository';
import type {
  DrainResult, ReindexProgress, SearchEngine, SearchRequest, SearchResult, SimilarRequest,
} from './search-engine';
import { markedSnippet } from './snippet';

export { MATCH_CAP } from './postgres-search.repository';

/** Questions re-vectorized per transaction by `reindexAll`. */
const REINDEX_BATCH = 2000;
/**
 * Questions re-vectorized per transaction by `drain`: small, because a writer of one of them waits for the
 * transaction's end (about 2 ms a thread of 20 answers, so ~0.1 s for a batch).
 */
const DRAIN_BATCH = 50;
/** How long the engine trusts its list of common words (from the planner's statistics, renewed by ANALYZE) before asking again. */
const COMMON_WORDS_TTL_MS = 60_000;
/**
 * A dash standing alone between words ("Translation questions — Questions de traduction"), which
 * `websearch_to_tsquery` would read as excluding the next word (unaccent turns — and – into -).
 */
const LONE_DASH = /(^|\s)[-\u2010-\u2015](?=\s|$)/g;

/** The full-text query's words, without the syntax: what typo correction reads. */
function plainWords(query: string): string {
  return query
    .replace(/(^|\s)-\S+/g, ' ')
    .replace(/\bor\b/gi, ' ')
    .replace(/["]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * PostgreSQL full-text search over `questions.search_vector` (the rules in search/sql/, the statements in
 * postgres-search.repository.ts): `websearch_to_tsquery` over unaccented text in the configured language, a GIN
 * index, and words corrected from the titles' vocabulary when they match nothing (typos). `documentsChanged` rewrites
 * the vectors and adds title words in the writing transaction. `answersChanged` (an answer posted, edited, removed, accepted or no longer)
 * only notes the question in the search outbox, and `drain` rebuilds its vector after commit: a question's vector
 * is built over its whole thread, so rebuilding it per answer cost each answer more as the thread grew, and
 * several answers to one thread between two drains now cost one rebuild.
 */
export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres' as const;
  private readonly logger = new Logger('Search');
  private readonly repository: PostgresSearchRepository;
  private readonly questions: QuestionsRepository;
  private readonly outbox: SearchOutboxRepository;
  private commonWords: { words: string[]; at: number } | null = null;

  constructor(
    private readonly db: DataSource,
    /** A text search configuration name (validated by config as /^[a-z_]+$/). */
    private readonly language: string,
    private readonly clock: Clock = new SystemClock(),
  ) {
    this.repository = new PostgresSearchRepository(db);
    this.questions = new QuestionsRepository(db);
    this.outbox = new SearchOutboxRepository(db);
  }

  async prepare(): Promise<void> {
    const language = await this.repository.indexLanguage();
    if (language !== this.language) {
      this.logger.warn(
        `Search vectors were built with "${language}", SEARCH_LANGUAGE is "${this.language}": searches match poorly until \`npm run reindex\` rebuilds them.`,
      );
    }
  }

  async documentsChanged(em: EntityManager, questionIds: readonly string[]): Promise<void> {
    if (questionIds.length === 0) return;
    await this.questions.writeSearchVectors(em, questionIds, this.language);
    await this.repository.addTitleWords(em, questionIds);
  }

  async answersChanged(em: EntityManager, questionIds: readonly string[]): Promise<void> {
    await this.outbox.enqueue(em, questionIds, this.clock.now());
  }

  /**
   * Rebuilds the vectors of the questions in the outbox, a batch per transaction, each question locked first (as a
   * writer does, so neither waits on the other's outbox row): a question a writer or another instance holds is
   * skipped and left for the next drain, which its writer's own outbox row will also call for.
   */
  async drain(): Promise<DrainResult> {
    let pushed = 0;
    for (;;) {
      const { waiting, rebuilt } = await this.db.transaction(async (em) => {
        const waitingIds = await this.outbox.waitingQuestionIds(em, DRAIN_BATCH);
        if (waitingIds.length === 0) return { waiting: 0, rebuilt: 0 };
        const taken = await this.outbox.take(em, waitingIds, await this.questions.lockFree(em, waitingIds));
        await this.questions.writeSearchVectors(em, taken, this.language);
        return { waiting: waitingIds.length, rebuilt: taken.length };
      });
      pushed += rebuilt;
      // A short batch was the last; a batch of only held questions waits for the next drain.
      if (waiting < DRAIN_BATCH || rebuilt === 0) return { pushed, failed: 0 };
    }
  }

  /** The vectors hold no status: a search filters on the row's own. */
  async statusChanged(): Promise<void> {
    return undefined;
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const query = request.query.replace(LONE_DASH, ' ');
    const fullText = await this.run(request, query);
    // An inexact nothing (a phrase not among the rows read) is not a typo.
    if (fullText.totalCount > 0 || !fullText.totalCountIsExact) return fullText;
    const words = plainWords(query);
    if (!words) return fullText;
    const corrected = await this.repository.correctedWords(words, this.language);
    return corrected ? this.run(request, corrected) : fullText;
  }

  /** One statement (PostgresSearchRepository.search); past MATCH_CAP matches the count says so (`totalCountIsExact` false). */
  private async run(request: SearchRequest, text: string): Promise<SearchResult> {
    const row = await this.repository.search({
      query: text, language: this.language, filter: request.filter, sort: request.sort, limit: request.limit, offset: request.offset,
      commonWords: await this.currentCommonWords(),
    });
    return {
      hits: (row.page ?? []).map((hit) => ({ questionId: hit.id, snippet: markedSnippet(hit.snippet) })),
      totalCount: Math.min(row.matched, MATCH_CAP),
      // Every row the query could match was read, or a cap was reached: past either, there may be more.
      totalCountIsExact: row.matched <= MATCH_CAP && !row.cut,
      facets: { categories: row.categories ?? [], statuses: row.statuses ?? [] },
    };
  }

  private async currentCommonWords(): Promise<string[]> {
    if (!this.commonWords || Date.now() - this.commonWords.at > COMMON_WORDS_TTL_MS) {
      this.commonWords = { words: await this.repository.commonWords(), at: Date.now() };
    }
    return this.commonWords.words;
  }

  async similar(request: SimilarRequest): Promise<string[]> {
    return this.repository.similar(request.title, this.language, request.limit, request.excludeQuestionId ?? null);
  }

  async reindexAll(onProgress?: (progress: ReindexProgress) => void): Promise<number> {
    const total = await this.repository.questionCount();
    // The batches add back the words of live titles; those of deleted and edited titles go.
    await this.repository.clearTitleWords();
    let done = 0;
    let afterId = '0';
    for (;;) {
      const ids = await this.repository.questionIdsAfter(afterId, REINDEX_BATCH);
      if (ids.length === 0) break;
      await this.db.transaction((em) => this.documentsChanged(em, ids));
      done += ids.length;
      afterId = ids[ids.length - 1];
      onProgress?.({ done, total });
    }
    await this.repository.setIndexLanguage(this.language);
    return done;
  }

  async backlog(): Promise<number> {
    return (await this.outbox.state()).backlog;
  }
}
