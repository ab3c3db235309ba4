import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { assertValid, checkCanEditPost, editReasonFor, normalizeTags, validateQuestion } from '@peerdesk/domain';
import { CategoriesService } from '../categories/categories.service';
import { CLOCK, type Clock } from '../common/clock';
import type { QuestionOrder } from '../common/enums';
import { DomainEvents } from '../common/domain-events';
import { checkId } from '../common/ids';
import { missing } from '../database/errors';
import { checkPageSize, type Connection, decodeCursor, toConnection } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import { MarkdownRenderer } from '../markdown/markdown-renderer';
import { RevisionsRepository } from '../revisions/revisions.repository';
import { checkAskSessionId } from '../search-insights/search-insights.service';
import type { AskQuestionInput, EditQuestionInput, QuestionFilter } from './dto/question.input';
import { QuestionEntity } from './question.entity';
import { QuestionsRepository } from './questions.repository';
import { RateLimitsService } from '../rate-limits/rate-limits.service';
import { Transactions } from '../database/transactions';

@Injectable()
export class QuestionsService {
  constructor(
    private readonly db: DataSource,
    private readonly transactions: Transactions,
    private readonly questions: QuestionsRepository,
    private readonly categories: CategoriesService,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly revisions: RevisionsRepository,
    private readonly markdown: MarkdownRenderer,
    private readonly rateLimits: RateLimitsService,
  ) {}

  async ask(viewer: Viewer, input: AskQuestionInput): Promise<QuestionEntity> {
    const fields = { title: input.title.trim(), body: input.body, tags: normalizeTags(input.tags) };
    assertValid(validateQuestion(fields));
    await this.categories.findById(checkId(input.categoryId, 'category'));
    if (input.askSessionId) checkAskSessionId(input.askSessionId);
    const bodyHtml = await this.markdown.render(fields.body);
    const now = this.clock.now();
    return this.transactions.run(async (em) => {
      const question = await this.questions.insert(em, { ...fields, categoryId: input.categoryId, authorId: viewer.id, bodyHtml, status: 'OPEN' }, now);
      await this.events.publish(em, {
        type: 'question.asked', questionId: question.id, categoryId: question.categoryId, authorId: viewer.id, askSessionId: input.askSessionId, at: now,
      });
      return question;
    });
  }

  /** Author or moderator; the previous title, body and tags are kept as a revision. */
  async edit(viewer: Viewer, input: EditQuestionInput): Promise<QuestionEntity> {
    checkId(input.id, 'question');
    return this.transactions.run(async (em) => {
      const question = await this.lockLive(em, input.id);
      checkCanEditPost(viewer, question);
      const reason = editReasonFor(viewer, question, input.reason);
      const next = {
        title: input.title?.trim() ?? question.title,
        body: input.body ?? question.body,
        tags: input.tags ? normalizeTags(input.tags) : question.tags,
      };
      assertValid(validateQuestion(next));
      const bodyHtml = input.body === undefined ? question.bodyHtml : await this.markdown.render(next.body);
      const now = this.clock.now();
      await this.revisions.keep(em, 'QUESTION', question.id, question, viewer.id, now, reason);
      await this.questions.edit(em, question.id, { ...next, bodyHtml }, now);
      await this.events.publish(em, { type: 'question.edited', questionId: question.id, editorId: viewer.id, at: now });
      return this.questions.getById(em, question.id);
    });
  }

  /**
   * Locks a live question for the rest of the transaction, first in the one lock order
   * (database/transactions.ts): every change to a thread starts here. NOT_FOUND when there is none.
   */
  async lockLive(em: EntityManager, id: string): Promise<QuestionEntity> {
    const question = await this.questions.lockLive(em, checkId(id, 'question'));
    if (!question) throw await missing(em, QuestionEntity, 'question', id);
    return question;
  }

  async get(id: string): Promise<QuestionEntity> {
    const question = await this.questions.findLive(checkId(id, 'question'));
    if (!question) throw await missing(this.db.manager, QuestionEntity, 'question', id);
    return question;
  }

  /**
   * Reads a question and counts the view once per reader's session (or address, signed out) and question
   * in the `view.session` window, within the per-IP and per-account view limits; past them the question
   * is served but the view not counted, so reloading or scripting a page cannot inflate the figures.
   */
  async view(id: string, viewer: Viewer | null, ip: string): Promise<QuestionEntity> {
    const questionId = checkId(id, 'question');
    const session = `${viewer?.sessionTokenHash ?? ip}|${questionId}`;
    const counts = await this.rateLimits.fits('view', { ip, accountId: viewer?.id ?? null, session });
    const question = counts ? await this.questions.viewLive(questionId, viewer?.id ?? null, this.clock.now()) : await this.questions.findLive(questionId);
    if (!question) throw await missing(this.db.manager, QuestionEntity, 'question', id);
    return question;
  }

  async list(filter: QuestionFilter, order: QuestionOrder, first: number, after?: string): Promise<Connection<QuestionEntity>> {
    checkPageSize(first);
    for (const [field, what] of [['categoryId', 'category'], ['authorId', 'user']] as const) {
      const id = filter[field];
      if (id) checkId(id, what);
    }
    const { rows, total } = await this.questions.list(filter, order, first, after ? decodeCursor(after) : null);
    return toConnection(rows, first, total, (q) => this.questions.keyOf(order, q), (q) => q);
  }
}
