import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  assertValid, can, canSeePost, checkCanEditQuestion, checkImagesAllowed, editReasonFor, type ModerationState, normalizeTags, notFound, type PostHold, validateQuestion,
} from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import type { KeptCounter, KeptCounts } from '../categories/categories.repository';
import { CategoriesService } from '../categories/categories.service';
import { CLOCK, type Clock } from '../common/clock';
import type { QuestionOrder } from '../common/enums';
import { DomainEvents } from '../common/domain-events';
import { checkId } from '../common/ids';
import { missing } from '../database/errors';
import { cappedTotal, checkPageSize, type Connection, decodeCursor, toConnection } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import { MarkdownRenderer } from '../markdown/markdown-renderer';
import { RevisionsRepository } from '../revisions/revisions.repository';
import { checkAskSessionId } from '../search-insights/search-insights.service';
import type { AskQuestionInput, EditQuestionInput, QuestionFilter } from './dto/question.input';
import { QuestionEntity } from './question.entity';
import { type PageCount, type QuestionRow, QuestionsRepository } from './questions.repository';
import { ViewRecorder } from './view-recorder';
import { Transactions } from '../database/transactions';
import { PostingHold } from '../users/posting-hold';

/**
 * The counter of category_counts that counts a list with this filter, pinned questions in, when one does: a category's
 * (or every category's) questions, solved ones or unanswered ones. The home and category pages count so without
 * reading their questions (a list of unpinned ones reads its pinned ones, a handful, to leave them out).
 */
function keptCounterOf(filter: QuestionFilter): KeptCounter | null {
  if (filter.tag || filter.authorId || filter.pinned === true) return null;
  return filter.unanswered ? (filter.status ? null : 'unanswered') : filter.status === 'SOLVED' ? 'solved' : filter.status ? null : 'questions';
}

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
    private readonly viewRecorder: ViewRecorder,
    private readonly postingHold: PostingHold,
    private readonly audit: AuditService,
  ) {}

  async ask(viewer: Viewer, input: AskQuestionInput): Promise<QuestionEntity> {
    const fields = { title: input.title.trim(), body: input.body, tags: normalizeTags(input.tags) };
    assertValid(validateQuestion(fields));
    await this.categories.findById(checkId(input.categoryId, 'category'));
    if (input.askSessionId) checkAskSessionId(input.askSessionId);
    const bodyHtml = await this.markdown.render(fields.body);
    checkImagesAllowed(viewer, bodyHtml);
    const now = this.clock.now();
    return this.transactions.runWithReportFactsAfterCommit(async (em) => {
      const hold = await this.postingHold.holdFor(em, viewer, { title: fields.title, body: fields.body, bodyHtml });
      const question = await this.questions.insert(em, { ...fields, categoryId: input.categoryId, authorId: viewer.id, bodyHtml, status: 'OPEN' }, now, hold);
      if (hold) {
        // Nobody else sees it yet: no notifications, webhooks, search or community clock until it is approved.
        await this.held(em, question, hold, now);
      } else {
        await this.events.publish(em, {
          type: 'question.asked', questionId: question.id, categoryId: question.categoryId, authorId: viewer.id, askSessionId: input.askSessionId, at: now,
        });
      }
      return question;
    });
  }

  /** A question waits in the review queue (post.held), its author told why by its moderation reason. */
  private held(em: EntityManager, question: QuestionEntity, hold: PostHold, now: Date): Promise<void> {
    return this.events.publish(em, { type: 'post.held', targetType: 'QUESTION', targetId: question.id, questionId: question.id, authorId: question.authorId, hold, at: now });
  }

  /**
   * Sets a locked question's moderation state (the review queue, flags). Shown for the first time (a held question
   * approved), it is published now: `question.asked` with the approval's time, so watchers hear of it, the search
   * index takes it and its community clock starts from then. Returns whether it was published now.
   */
  async moderate(em: EntityManager, question: QuestionEntity, state: ModerationState, reason: string | null, now: Date): Promise<boolean> {
    await this.questions.setModeration(em, question.id, state, state === 'VISIBLE' ? null : reason);
    if (state !== 'VISIBLE' || question.published) return false;
    await this.questions.markPublished(em, question.id, now);
    await this.events.publish(em, { type: 'question.asked', questionId: question.id, categoryId: question.categoryId, authorId: question.authorId, at: now });
    return true;
  }

  /**
   * Soft-deletes a locked question (a moderator's deleteQuestion, a review decision): it and its answers leave
   * every list, search and the clocks, and `question.deleted` closes an open escalation.
   */
  async markDeleted(em: EntityManager, question: QuestionEntity, byId: string, now: Date): Promise<void> {
    await this.questions.markDeleted(em, question.id, byId, now);
    await this.events.publish(em, { type: 'question.deleted', questionId: question.id, deletedBy: byId, at: now });
  }

  /**
   * Author or moderator; a REGULAR or LEADER member may change only the tags of someone else's question
   * (checkCanEditQuestion). The previous title, body and tags are kept as a revision, with the editor and
   * their reason. A moderator's edit of someone else's question is recorded in the audit log with the fields
   * it changed; an author's own is not, nor a member's retagging (as on Discourse: the revision history on
   * the post shows it, and the audit log is the moderators' and admins' actions). A new title or body of an
   * approved question goes through the posting checks again (PostingHold): held, it leaves every list and search
   * until a moderator approves it.
   */
  async edit(viewer: Viewer, input: EditQuestionInput): Promise<QuestionEntity> {
    checkId(input.id, 'question');
    return this.transactions.run(async (em) => {
      const question = await this.lockLive(em, input.id);
      const next = {
        title: input.title?.trim() ?? question.title,
        body: input.body ?? question.body,
        tags: input.tags ? normalizeTags(input.tags) : question.tags,
      };
      const changed = (['title', 'body', 'tags'] as const).filter((field) => JSON.stringify(question[field]) !== JSON.stringify(next[field]));
      const now = this.clock.now();
      checkCanEditQuestion(viewer, question, changed, now);
      const reason = editReasonFor(viewer, question, input.reason);
      assertValid(validateQuestion(next));
      const bodyHtml = input.body === undefined ? question.bodyHtml : await this.markdown.render(next.body);
      if (input.body !== undefined) checkImagesAllowed(viewer, bodyHtml);
      const rewritten = changed.includes('title') || changed.includes('body');
      const hold = rewritten && question.moderationState === 'VISIBLE'
        ? await this.postingHold.holdFor(em, viewer, { title: next.title, body: next.body, bodyHtml }, { targetType: 'QUESTION', targetId: question.id })
        : null;
      await this.revisions.keep(em, 'QUESTION', question.id, question, viewer.id, now, reason);
      await this.questions.edit(em, question.id, { ...next, bodyHtml }, now);
      if (hold) {
        await this.moderate(em, question, 'HELD', hold.reason, now);
        await this.held(em, question, hold, now);
      }
      if (question.authorId !== viewer.id && changed.length && can(viewer.role, 'edit_any_post')) {
        await this.audit.record(em, {
          actorId: viewer.id, action: 'QUESTION_EDITED', targetType: 'QUESTION', targetId: question.id,
          before: { authorId: question.authorId, ...Object.fromEntries(changed.map((field) => [field, question[field]])) },
          after: Object.fromEntries(changed.map((field) => [field, next[field]])),
          reason,
          at: now,
        });
      }
      await this.events.publish(em, { type: 'question.edited', questionId: question.id, editorId: viewer.id, previousBody: question.body, at: now });
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
   * is served but the view not counted, so reloading or scripting a page cannot inflate the figures. The
   * view is buffered (ViewRecorder): reading writes nothing. A held or hidden question is NOT_FOUND for
   * anyone but its author and the moderators, and their views of it are not counted.
   */
  async view(id: string, viewer: Viewer | null, ip: string): Promise<QuestionEntity> {
    const question = await this.questions.findLive(checkId(id, 'question'));
    if (!question) throw await missing(this.db.manager, QuestionEntity, 'question', id);
    // Held or hidden: only its author and the moderators read it; anyone else finds nothing there.
    if (!canSeePost(viewer, question)) throw notFound(`There is no question ${id}.`);
    if (question.moderationState === 'VISIBLE') this.countView(question.id, viewer, ip);
    question.viewCount += this.viewRecorder.pendingViews(question.id);
    return question;
  }

  /** Counts a view of a question a reader was shown (also from a cached page): buffered, see ViewRecorder. */
  countView(questionId: string, viewer: Viewer | null, ip: string): void {
    this.viewRecorder.record(questionId, viewer, ip, this.clock.now());
  }

  /**
   * A page of the list; its total too unless `counted` is false (a page that shows no total sends no count), from
   * `keptCounts` when the caller has the category's (read with the category).
   */
  async list(
    filter: QuestionFilter, order: QuestionOrder, first: number, after?: string, { counted = true, keptCounts }: { counted?: boolean; keptCounts?: KeptCounts } = {},
  ): Promise<Connection<QuestionRow>> {
    checkPageSize(first);
    for (const [field, what] of [['categoryId', 'category'], ['authorId', 'user']] as const) {
      const id = filter[field];
      if (id) checkId(id, what);
    }
    const kept = counted ? keptCounterOf(filter) : null;
    const count: PageCount = !counted ? null : !kept ? 'capped' : filter.pinned === false ? 'pinned' : null;
    const [page, keptTotal] = await Promise.all([
      this.questions.page(filter, order, first, after ? decodeCursor(after) : null, count),
      !kept ? null : keptCounts ? keptCounts[kept] : this.categories.keptQuestionCount(filter.categoryId ?? null, kept),
    ]);
    const total = !counted ? null : cappedTotal(keptTotal === null ? page.counted! : keptTotal - (page.counted ?? 0));
    return toConnection(page.rows, first, total, (q) => this.questions.keyOf(order, q), (q) => q);
  }
}
