import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  ASK_ABANDON_WINDOW_MS, MAX_ASK_SESSION_EVENTS, isAskSessionId, normalizeSearchQuery, rateLimited, validationFailed,
} from '@peerdesk/domain';
import type { EntityManager } from 'typeorm';
import { CLOCK, type Clock } from '../common/clock';
import { type DomainEvent, type DomainEventHandler, DomainEvents } from '../common/domain-events';
import { checkId } from '../common/ids';
import { checkPageSize } from '../common/pagination';
import type { RecordAskEventInput } from './dto/search-insights.input';
import type { PreAskDeflectionModel, SearchGapModel } from './search-insights.model';
import { AskSessionsRepository, SearchInsightsRepository } from './search-insights.repository';
import { SearchRecorder } from './search-recorder';

/** Suggestions the ask form shows at most (similarQuestions' limit). */
const MAX_SUGGESTIONS = 5;

export function checkAskSessionId(value: string, field = 'askSessionId'): string {
  if (!isAskSessionId(value)) throw validationFailed([{ field, message: 'An ask session id is 16–64 random characters of A–Z, a–z, 0–9, _ or -.' }]);
  return value;
}

/** What people search for and what they fail to find; no user, no IP is ever recorded. */
@Injectable()
export class SearchInsightsService implements DomainEventHandler, OnModuleInit {
  constructor(
    private readonly searches: SearchInsightsRepository,
    private readonly recorder: SearchRecorder,
    private readonly askSessions: AskSessionsRepository,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  /** In the asking transaction: a question posted from the ask page ends that ask session in a post. */
  async handle(em: EntityManager, event: DomainEvent): Promise<void> {
    if (event.type === 'question.asked' && event.askSessionId) {
      await this.askSessions.markPosted(em, checkAskSessionId(event.askSessionId), event.questionId, event.at);
    }
  }

  /** Called after every search; returns at once: the count is written with the next flush, never while the person waits. */
  recordSearch(query: string, totalCount: number): void {
    const normalized = normalizeSearchQuery(query);
    if (normalized !== null) this.recorder.record(normalized, totalCount, this.clock.now());
  }

  /**
   * Flushes this instance's counted searches first, so a manager sees the searches made through this
   * instance at once; other API instances' searches appear within their flush interval (SEARCH_FLUSH_SECONDS).
   */
  async searchGaps(from: Date, to: Date, first: number): Promise<SearchGapModel[]> {
    if (!(from < to)) throw validationFailed([{ field: 'to', message: 'The period must end after it starts.' }]);
    const limit = checkPageSize(first);
    await this.recorder.flush();
    return this.searches.searchGaps(from, to, limit);
  }

  /** Anyone may record (the ask page works signed out); each session id may write a bounded number of events. */
  async recordAskEvent(input: RecordAskEventInput): Promise<void> {
    const sessionId = checkAskSessionId(input.askSessionId);
    const now = this.clock.now();
    if (input.kind === 'SUGGESTIONS_SHOWN') {
      const count = input.suggestionCount ?? 1;
      if (!Number.isInteger(count) || count < 1 || count > MAX_SUGGESTIONS) {
        throw validationFailed([{ field: 'suggestionCount', message: `Between 1 and ${MAX_SUGGESTIONS}.` }]);
      }
      await this.countEvent(sessionId, now, count);
      return;
    }
    if (!input.questionId) throw validationFailed([{ field: 'questionId', message: 'Say which suggestion was opened.' }]);
    const questionId = checkId(input.questionId, 'question');
    await this.countEvent(sessionId, now, 0);
    if (!(await this.askSessions.recordOpening(sessionId, questionId, now))) {
      throw validationFailed([{ field: 'questionId', message: `There is no question ${questionId}.` }]);
    }
  }

  preAskDeflection(from: Date, to: Date, asOf: Date): Promise<PreAskDeflectionModel> {
    return this.askSessions.preAskDeflection(from, to, asOf, ASK_ABANDON_WINDOW_MS);
  }

  private async countEvent(sessionId: string, at: Date, suggestionsShown: number): Promise<void> {
    if (!(await this.askSessions.countEvent(sessionId, at, suggestionsShown, MAX_ASK_SESSION_EVENTS))) {
      throw rateLimited(`This ask session has recorded ${MAX_ASK_SESSION_EVENTS} events already; start a new one.`);
    }
  }
}
