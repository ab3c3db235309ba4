import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  assertValid, canSeePost, conflict, flagHideReason, flagOutcomeOf, flagsHidePost, flagWeight, type FlagTargetType, forbidden, type ModerationState,
  notFound, REVIEW_AUDIT_ACTIONS, REVIEW_SUSPENSION_DAYS, type ReviewAction, secondLookRefusal, validateFlag, validateReviewNote, validationFailed,
} from '@peerdesk/domain';
import type { AnswerEntity } from '../answers/answer.entity';
import { AnswersService } from '../answers/answers.service';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { DomainEvents, type DomainEvent, type DomainEventHandler, type PostModerationOutcome } from '../common/domain-events';
import { checkId } from '../common/ids';
import { checkPageSize, type Connection, decodeCursor, toConnection } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import type { CommentEntity } from '../comments/comment.entity';
import { CommentsService } from '../comments/comments.service';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { Transactions } from '../database/transactions';
import type { QuestionEntity } from '../questions/question.entity';
import { QuestionsRepository } from '../questions/questions.repository';
import { QuestionsService } from '../questions/questions.service';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { type FlagRow, type PostRef, type ReviewItemRow, type ReviewQueueFilter, ReviewRepository } from './review.repository';

/** A post after a moderator's hand: which, in which thread, and its state now. */
export interface ModeratedPost extends PostRef {
  questionId: string;
  state: ModerationState;
}

export interface FlagInput extends PostRef {
  reason: FlagRow['reason'];
  note?: string | null;
}

/** A post locked with its thread (the question first, in the one lock order), whatever its kind. */
type LockedPost =
  | { targetType: 'QUESTION'; question: QuestionEntity; post: QuestionEntity }
  | { targetType: 'ANSWER'; question: QuestionEntity; post: AnswerEntity }
  | { targetType: 'COMMENT'; question: QuestionEntity; post: CommentEntity };

/**
 * Flags, the review queue and its decisions (packages/domain/src/moderation.ts holds the rules). A post's state
 * changes through its own module's service (QuestionsService / AnswersService / CommentsService.moderate), which
 * keeps its counts and publishes what a held post deferred; this service decides when, records the review item,
 * the flags' outcomes and the audit row, and tells the author (post.moderated → notifications, the search index).
 */
@Injectable()
export class ReviewService implements DomainEventHandler, OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly reviews: ReviewRepository,
    private readonly questionsService: QuestionsService,
    private readonly questions: QuestionsRepository,
    private readonly answers: AnswersService,
    private readonly comments: CommentsService,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly usersService: UsersService,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  /**
   * A post held when written or rewritten (a silence, the spam checks, a new member's first posts) waits in the
   * queue. An approved post edited while flagged already has its open item: the moderator reads the new text there.
   */
  async handle(em: EntityManager, event: DomainEvent): Promise<void> {
    if (event.type !== 'post.held') return;
    if (await this.reviews.lockOpenItem(em, event)) return;
    await this.reviews.insertItem(em, {
      targetType: event.targetType, targetId: event.targetId, questionId: event.questionId, authorId: event.authorId,
      reason: event.hold.kind, detail: event.hold.detail ?? null, spamChecks: event.hold.spamChecks, at: event.at,
    });
  }

  /**
   * A member flags a post they can see, not their own, once. The flag weighs its flagger's trust level; when
   * the post's open flags reach FLAG_HIDE_THRESHOLD a visible post is hidden pending review and its author told.
   * A NEEDS_STAFF flag also reaches staff (post.flagged: a notification to every member of staff).
   */
  async flag(viewer: Viewer, input: FlagInput): Promise<FlagRow> {
    const note = input.note?.trim() || null;
    assertValid(validateFlag({ reason: input.reason, note }));
    const targetId = checkId(input.targetId, 'targetId');
    return this.transactions.run(async (em) => {
      const locked = await this.lockPost(em, input.targetType, targetId);
      if (!canSeePost(viewer, locked.question) || !canSeePost(viewer, locked.post)) throw notFound(`There is no ${input.targetType.toLowerCase()} ${targetId}.`);
      if (locked.post.authorId === viewer.id) throw forbidden('You cannot flag your own post; edit or delete it instead.');
      const flagger = await this.users.findById(em, viewer.id);
      const now = this.clock.now();
      const post = { targetType: input.targetType, targetId };
      const item = (await this.reviews.lockOpenItem(em, post)) ?? await this.reviews.insertItem(em, {
        ...post, questionId: locked.question.id, authorId: locked.post.authorId, reason: 'FLAGGED', detail: null, at: now,
      });
      const flag = await this.reviews.insertFlag(em, {
        ...post, questionId: locked.question.id, flaggerId: viewer.id, reason: input.reason, note,
        weight: flagWeight(flagger?.trustLevel ?? 'NEW', viewer.affiliation === 'EMPLOYEE'), reviewItemId: item.id, at: now,
      });
      if (!flag) throw conflict('You have already flagged this post; a moderator will look at it.');
      await this.events.publish(em, {
        type: 'post.flagged', ...post, questionId: locked.question.id, flaggerId: viewer.id, reason: input.reason, note, at: now,
      });
      if (locked.post.moderationState === 'VISIBLE') {
        const open = await this.reviews.openFlags(em, post);
        if (flagsHidePost(open.weight, this.config.flagHideThreshold)) {
          const reason = flagHideReason(open.reasons);
          await this.setState(em, locked, 'HIDDEN', reason, viewer.id, now);
          await this.told(em, locked, 'HIDDEN', reason, null, now, false);
        }
      }
      return flag;
    });
  }

  async queue(filter: ReviewQueueFilter, first: number, after: string | null): Promise<Connection<ReviewItemRow>> {
    checkPageSize(first);
    const keyset = after ? decodeCursor(after) : null;
    if (keyset && (typeof keyset.key !== 'string' || Number.isNaN(Date.parse(keyset.key)))) {
      throw validationFailed([{ field: 'after', message: 'This cursor is not one the API handed out; start again from the first page.' }]);
    }
    const { rows, total } = await this.reviews.page(filter, first, keyset);
    return toConnection(rows, first, total, (row) => ({ key: row.createdAt.toISOString(), id: row.id }), (row) => row);
  }

  /**
   * A moderator's decision on an open item: APPROVE shows the post (a held one is published now), HIDE hides
   * it, DELETE soft-deletes it, SUSPEND_AUTHOR hides it and suspends its author (UsersService, same transaction: whom a moderator may suspend is its rule). The open
   * flags get the decision's outcome; the decision is audited with the note as its reason, and the author told.
   */
  async resolve(viewer: Viewer, id: string, action: ReviewAction, note: string | null | undefined): Promise<ReviewItemRow> {
    const reason = note?.trim() || null;
    assertValid(validateReviewNote(reason, action));
    const itemId = checkId(id, 'review item');
    return this.transactions.run(async (em) => {
      const found = await this.reviews.findItem(em, itemId);
      if (!found) throw notFound(`There is no review item ${itemId}.`);
      const locked = await this.lockPost(em, found.targetType, found.targetId);
      const item = (await this.reviews.lockItem(em, itemId))!;
      if (item.state !== 'OPEN') throw conflict('This item has already been decided.');
      const now = this.clock.now();
      const before = { state: locked.post.moderationState, reason: locked.post.moderationReason };
      let outcome: PostModerationOutcome;
      if (action === 'APPROVE') {
        await this.setState(em, locked, 'VISIBLE', null, viewer.id, now);
        outcome = 'APPROVED';
      } else if (action === 'DELETE') {
        await this.delete(em, locked, viewer.id, now);
        outcome = 'DELETED';
      } else {
        await this.setState(em, locked, 'HIDDEN', reason, viewer.id, now);
        if (action === 'SUSPEND_AUTHOR' && locked.post.authorId) {
          const until = new Date(now.getTime() + REVIEW_SUSPENSION_DAYS * 24 * 3600 * 1000);
          await this.usersService.suspendWithin(em, viewer, locked.post.authorId, { until, reason: reason! });
        }
        outcome = 'HIDDEN';
      }
      await this.reviews.resolveItem(em, item.id, { action, note: reason, by: viewer.id, at: now });
      await this.reviews.decideFlags(em, found, flagOutcomeOf(action), now);
      await this.audit.record(em, {
        actorId: viewer.id, action: REVIEW_AUDIT_ACTIONS[action], targetType: found.targetType, targetId: found.targetId,
        before,
        after: {
          state: action === 'DELETE' ? 'DELETED' : action === 'APPROVE' ? 'VISIBLE' : 'HIDDEN', reviewItemId: item.id,
          ...(action === 'SUSPEND_AUTHOR' ? { suspendedUserId: locked.post.authorId } : {}),
        },
        reason, at: now,
      });
      const decided = (await this.reviews.findItem(em, item.id))!;
      await this.told(em, locked, outcome, reason, viewer.id, now, secondLookRefusal(decided) === null);
      return decided;
    });
  }

  /**
   * A moderator hides a post by hand (from the question page), with a reason for its author and the audit log.
   * An open review item about the post is decided with it (HIDE: its flags upheld), so the queue never offers a
   * post a moderator already dealt with; the item then carries the author's one second look.
   */
  async hidePost(viewer: Viewer, post: PostRef, note: string | null | undefined): Promise<ModeratedPost> {
    const reason = note?.trim() || null;
    assertValid(validateReviewNote(reason, 'HIDE').map((error) => ({ ...error, field: 'reason' })));
    return this.byHand(viewer, post, 'HIDE', reason);
  }

  /**
   * A moderator shows a hidden (or held) post again. An open review item about it is decided as approved (its
   * flags declined), as the queue's APPROVE would.
   */
  async restorePost(viewer: Viewer, post: PostRef): Promise<ModeratedPost> {
    return this.byHand(viewer, post, 'APPROVE', null);
  }

  private async byHand(viewer: Viewer, ref: PostRef, action: 'HIDE' | 'APPROVE', reason: string | null): Promise<ModeratedPost> {
    const targetId = checkId(ref.targetId, 'targetId');
    return this.transactions.run(async (em) => {
      const locked = await this.lockPost(em, ref.targetType, targetId);
      const post = { targetType: ref.targetType, targetId };
      const before = { state: locked.post.moderationState, reason: locked.post.moderationReason };
      if (action === 'HIDE' && before.state === 'HIDDEN') throw conflict('This post is already hidden.');
      if (action === 'APPROVE' && before.state === 'VISIBLE') throw conflict('This post is not hidden.');
      const now = this.clock.now();
      const state = action === 'HIDE' ? 'HIDDEN' : 'VISIBLE';
      await this.setState(em, locked, state, reason, viewer.id, now);
      const item = await this.reviews.lockOpenItem(em, post);
      if (item) {
        await this.reviews.resolveItem(em, item.id, { action, note: reason, by: viewer.id, at: now });
        await this.reviews.decideFlags(em, post, flagOutcomeOf(action), now);
      }
      await this.audit.record(em, {
        actorId: viewer.id, action: action === 'HIDE' ? 'POST_HIDDEN' : 'POST_RESTORED', targetType: post.targetType, targetId: post.targetId,
        before: { ...before, ...(post.targetType === 'QUESTION' ? {} : { questionId: locked.question.id }) },
        after: { state, ...(item ? { reviewItemId: item.id } : {}) },
        reason, at: now,
      });
      const outcome: PostModerationOutcome = action === 'HIDE' ? 'HIDDEN' : before.state === 'HELD' ? 'APPROVED' : 'RESTORED';
      // A hide by hand can be looked at again only through the review item it decided; without one, the author is not offered it.
      const secondLook = action === 'HIDE' && item !== null && secondLookRefusal({ ...item, state: 'RESOLVED', decision: 'HIDE' }) === null;
      await this.told(em, locked, outcome, reason, viewer.id, now, secondLook);
      return { ...post, questionId: locked.question.id, state };
    });
  }

  /** The author asks once for a second look at a decision to keep their post hidden: the item is open again. */
  async requestSecondLook(viewer: Viewer, id: string): Promise<ReviewItemRow> {
    const itemId = checkId(id, 'review item');
    return this.transactions.run(async (em) => {
      const found = await this.reviews.findItem(em, itemId);
      if (!found || found.authorId !== viewer.id) throw notFound(`There is no review item ${itemId} about a post of yours.`);
      await this.lockPost(em, found.targetType, found.targetId);
      const item = (await this.reviews.lockItem(em, itemId))!;
      const refusal = secondLookRefusal(item);
      if (refusal) throw conflict(refusal);
      // Another item of the post may have opened meanwhile (the unique open item): it then carries the review.
      const otherOpen = await this.reviews.lockOpenItem(em, found);
      await this.reviews.requestSecondLook(em, item.id, !otherOpen, this.clock.now());
      return (await this.reviews.findItem(em, item.id))!;
    });
  }

  private async lockPost(em: EntityManager, targetType: FlagTargetType, targetId: string): Promise<LockedPost> {
    switch (targetType) {
      case 'QUESTION': {
        const question = await this.questionsService.lockLive(em, targetId);
        return { targetType, question, post: question };
      }
      case 'ANSWER': {
        const { question, answer } = await this.answers.lockLiveAnswerAndQuestion(em, targetId);
        return { targetType, question, post: answer };
      }
      case 'COMMENT': {
        const comment = await this.comments.lockLiveComment(em, targetId);
        return { targetType, question: await this.questions.getById(em, comment.questionId), post: comment };
      }
    }
  }

  private async setState(em: EntityManager, locked: LockedPost, state: ModerationState, reason: string | null, actorId: string, now: Date): Promise<void> {
    switch (locked.targetType) {
      case 'QUESTION':
        await this.questionsService.moderate(em, locked.post, state, reason, now);
        return;
      case 'ANSWER':
        return this.answers.moderate(em, locked.question, locked.post, state, reason, actorId, now);
      case 'COMMENT':
        return this.comments.moderate(em, locked.post, state, reason, now);
    }
  }

  private async delete(em: EntityManager, locked: LockedPost, actorId: string, now: Date): Promise<void> {
    switch (locked.targetType) {
      case 'QUESTION':
        return this.questionsService.markDeleted(em, locked.post, actorId, now);
      case 'ANSWER':
        await this.answers.markDeleted(em, locked.question, locked.post, actorId, now);
        return;
      case 'COMMENT':
        return this.comments.markDeleted(em, locked.post, actorId, now);
    }
  }

  /** post.moderated: the author's notification, the search index. */
  private told(
    em: EntityManager, locked: LockedPost, outcome: PostModerationOutcome, reason: string | null, actorId: string | null, at: Date, secondLook: boolean,
  ): Promise<void> {
    return this.events.publish(em, {
      type: 'post.moderated', targetType: locked.targetType, targetId: locked.post.id, questionId: locked.question.id,
      authorId: locked.post.authorId, outcome, reason, actorId, secondLook, at,
    });
  }
}
