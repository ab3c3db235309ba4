import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  assertValid, authorKindFor, canSeePost, checkCanDeletePost, checkModerationReason, checkCanEditPost, checkThreadTakesPosts, conflict, type ModerationState, notFound, type PostHold, validateComment,
} from '@peerdesk/domain';
import { AnswersService } from '../answers/answers.service';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { DomainEvents } from '../common/domain-events';
import type { PostTargetType } from '../common/enums';
import { checkId } from '../common/ids';
import { missing } from '../database/errors';
import type { Viewer } from '../common/viewer';
import { MarkdownRenderer } from '../markdown/markdown-renderer';
import type { AnswerEntity } from '../answers/answer.entity';
import type { QuestionEntity } from '../questions/question.entity';
import { QuestionsRepository } from '../questions/questions.repository';
import { QuestionsService } from '../questions/questions.service';
import { CommentEntity } from './comment.entity';
import { CommentsRepository } from './comments.repository';
import type { EditCommentInput, PostCommentInput } from './dto/comment.input';
import { Transactions } from '../database/transactions';
import { PostingHold } from '../users/posting-hold';

/**
 * Comments on questions and answers. Like answers, every change locks the thread's question row first,
 * so a comment never lands on a question being closed or an answer being deleted at the same moment.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly comments: CommentsRepository,
    private readonly answers: AnswersService,
    private readonly questions: QuestionsRepository,
    private readonly questionsService: QuestionsService,
    private readonly events: DomainEvents,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly markdown: MarkdownRenderer,
    private readonly postingHold: PostingHold,
    private readonly audit: AuditService,
  ) {}

  async post(viewer: Viewer, input: PostCommentInput): Promise<CommentEntity> {
    assertValid(validateComment(input));
    const targetId = checkId(input.targetId, input.targetType.toLowerCase());
    const bodyHtml = await this.markdown.render(input.body);
    return this.transactions.run(async (em) => {
      const { question, post } = await this.lockThreadAndPost(em, input.targetType, targetId);
      if (!canSeePost(viewer, question) || !canSeePost(viewer, post)) throw notFound(`There is no ${input.targetType.toLowerCase()} ${targetId}.`);
      if (question.status === 'CLOSED') throw conflict('This question is closed and takes no new comments.');
      checkThreadTakesPosts(viewer, question);
      const now = this.clock.now();
      const hold = await this.postingHold.holdFor(em, viewer, { body: input.body, bodyHtml });
      const comment = await this.comments.insert(em, {
        questionId: question.id,
        targetType: input.targetType,
        targetId,
        authorId: viewer.id,
        // Fixed now, from who the author is today: a staff comment stays a staff response in the record.
        authorKind: authorKindFor(viewer.affiliation),
        body: input.body,
        bodyHtml,
      }, now, hold);
      if (hold) {
        await this.held(em, comment, hold, now);
      } else {
        await this.publish(em, comment, now);
      }
      return comment;
    });
  }

  /** A comment waits in the review queue (post.held), its author told why by its moderation reason. */
  private held(em: EntityManager, comment: CommentEntity, hold: PostHold, now: Date): Promise<void> {
    return this.events.publish(em, { type: 'post.held', targetType: 'COMMENT', targetId: comment.id, questionId: comment.questionId, authorId: comment.authorId, hold, at: now });
  }

  private async publish(em: EntityManager, comment: CommentEntity, now: Date): Promise<void> {
    await this.questions.noteActivity(em, comment.questionId, now);
    await this.events.publish(em, {
      type: 'comment.posted', questionId: comment.questionId, commentId: comment.id, authorId: comment.authorId, authorKind: comment.authorKind, at: now,
    });
  }

  /** Sets a locked comment's moderation state; a held comment shown for the first time is published now (comment.posted). */
  async moderate(em: EntityManager, comment: CommentEntity, state: ModerationState, reason: string | null, now: Date): Promise<void> {
    const shown = state === 'VISIBLE';
    await this.comments.setModeration(em, comment.id, state, shown ? null : reason, comment.published || shown);
    if (shown && !comment.published) await this.publish(em, comment, now);
  }

  /** Soft-deletes a locked comment (a review decision). */
  async markDeleted(em: EntityManager, comment: CommentEntity, byId: string, now: Date): Promise<void> {
    await this.comments.markDeleted(em, comment.id, byId, now);
  }

  /**
   * Author or moderator. Comments keep no revisions: they are short, and an edit is a correction; a
   * moderator's edit of someone else's comment keeps the text as it was in the audit log. New text in an
   * approved comment goes through the posting checks again (PostingHold) and may wait for a moderator.
   */
  async edit(viewer: Viewer, input: EditCommentInput): Promise<CommentEntity> {
    assertValid(validateComment(input));
    const bodyHtml = await this.markdown.render(input.body);
    return this.transactions.run(async (em) => {
      const comment = await this.lockLiveComment(em, input.id);
      const now = this.clock.now();
      checkCanEditPost(viewer, comment, now);
      const hold = comment.body !== input.body && comment.moderationState === 'VISIBLE'
        ? await this.postingHold.holdFor(em, viewer, { body: input.body, bodyHtml }, { targetType: 'COMMENT', targetId: comment.id })
        : null;
      if (comment.authorId !== viewer.id && comment.body !== input.body) {
        await this.audit.record(em, {
          actorId: viewer.id, action: 'COMMENT_EDITED', targetType: 'COMMENT', targetId: comment.id,
          before: { questionId: comment.questionId, authorId: comment.authorId, body: comment.body }, after: { questionId: comment.questionId, body: input.body }, at: now,
        });
      }
      const edited = await this.comments.edit(em, comment.id, input.body, bodyHtml, now);
      if (comment.body !== input.body) {
        await this.events.publish(em, { type: 'comment.edited', questionId: comment.questionId, commentId: comment.id, editorId: viewer.id, previousBody: comment.body, at: now });
      }
      if (!hold) return edited;
      await this.moderate(em, edited, 'HELD', hold.reason, now);
      await this.held(em, edited, hold, now);
      return (await this.comments.findLive(em, comment.id))!;
    });
  }

  /** Soft delete by the author or a moderator; the row stays, with who removed it. */
  /**
   * Soft delete by the author or a moderator. `reason`: a moderator's words when removing someone else's comment,
   * kept with the audit entry and sent to the author with the removal (post.moderated), as other removals are.
   */
  async delete(viewer: Viewer, commentId: string, reason: string | null = null): Promise<true> {
    const because = reason?.trim() ? checkModerationReason(reason) : null;
    return this.transactions.run(async (em) => {
      const comment = await this.lockLiveComment(em, commentId);
      const now = this.clock.now();
      checkCanDeletePost(viewer, comment, now);
      await this.comments.markDeleted(em, comment.id, viewer.id, now);
      if (comment.authorId !== viewer.id) {
        await this.audit.record(em, {
          actorId: viewer.id, action: 'COMMENT_DELETED', targetType: 'COMMENT', targetId: comment.id,
          before: { questionId: comment.questionId, authorId: comment.authorId, deleted: false }, after: { questionId: comment.questionId, deleted: true },
          reason: because, at: now,
        });
        await this.events.publish(em, {
          type: 'post.moderated', targetType: 'COMMENT', targetId: comment.id, questionId: comment.questionId, authorId: comment.authorId,
          outcome: 'DELETED', reason: because, actorId: viewer.id, secondLook: false, at: now,
        });
      }
      return true as const;
    });
  }

  /**
   * Locks the thread a post belongs to and checks the post is still there. For an answer, it is read
   * again under the question's lock, so a concurrent delete has either committed or not begun.
   */
  private async lockThread(em: EntityManager, targetType: PostTargetType, targetId: string): Promise<QuestionEntity> {
    return (await this.lockThreadAndPost(em, targetType, targetId)).question;
  }

  private async lockThreadAndPost(em: EntityManager, targetType: PostTargetType, targetId: string): Promise<{ question: QuestionEntity; post: QuestionEntity | AnswerEntity }> {
    if (targetType === 'QUESTION') {
      const question = await this.questionsService.lockLive(em, targetId);
      return { question, post: question };
    }
    const { question, answer } = await this.answers.lockLiveAnswerAndQuestion(em, targetId);
    return { question, post: answer };
  }

  private async findLiveComment(em: EntityManager, commentId: string): Promise<CommentEntity> {
    const comment = await this.comments.findLive(em, checkId(commentId, 'comment'));
    if (!comment) throw await missing(em, CommentEntity, 'comment', commentId);
    return comment;
  }

  /** A comment on a deleted post (or in a deleted thread) is gone with it: NOT_FOUND, like the post. Its thread is locked first. */
  async lockLiveComment(em: EntityManager, commentId: string): Promise<CommentEntity> {
    const found = await this.findLiveComment(em, commentId);
    await this.lockThread(em, found.targetType, found.targetId);
    return this.findLiveComment(em, commentId);
  }
}
