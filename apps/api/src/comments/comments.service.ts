import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assertValid, authorKindFor, checkCanDeletePost, checkCanEditPost, checkThreadTakesPosts, conflict, validateComment } from '@peerdesk/domain';
import { AnswersService } from '../answers/answers.service';
import { CLOCK, type Clock } from '../common/clock';
import { DomainEvents } from '../common/domain-events';
import type { PostTargetType } from '../common/enums';
import { checkId } from '../common/ids';
import { missing } from '../database/errors';
import type { Viewer } from '../common/viewer';
import { MarkdownRenderer } from '../markdown/markdown-renderer';
import type { QuestionEntity } from '../questions/question.entity';
import { QuestionsRepository } from '../questions/questions.repository';
import { QuestionsService } from '../questions/questions.service';
import { CommentEntity } from './comment.entity';
import { CommentsRepository } from './comments.repository';
import type { EditCommentInput, PostCommentInput } from './dto/comment.input';
import { Transactions } from '../database/transactions';

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
  ) {}

  async post(viewer: Viewer, input: PostCommentInput): Promise<CommentEntity> {
    assertValid(validateComment(input));
    const targetId = checkId(input.targetId, input.targetType.toLowerCase());
    const bodyHtml = await this.markdown.render(input.body);
    return this.transactions.run(async (em) => {
      const question = await this.lockThread(em, input.targetType, targetId);
      if (question.status === 'CLOSED') throw conflict('This question is closed and takes no new comments.');
      checkThreadTakesPosts(viewer, question);
      const now = this.clock.now();
      const comment = await this.comments.insert(em, {
        questionId: question.id,
        targetType: input.targetType,
        targetId,
        authorId: viewer.id,
        // Fixed now, from who the author is today: a staff comment stays a staff response in the record.
        authorKind: authorKindFor(viewer.affiliation),
        body: input.body,
        bodyHtml,
      }, now);
      await this.questions.noteActivity(em, question.id, now);
      await this.events.publish(em, {
        type: 'comment.posted', questionId: question.id, commentId: comment.id, authorId: viewer.id, authorKind: comment.authorKind, at: now,
      });
      return comment;
    });
  }

  /** Author or moderator. Comments keep no revisions: they are short, and an edit is a correction. */
  async edit(viewer: Viewer, input: EditCommentInput): Promise<CommentEntity> {
    assertValid(validateComment(input));
    const bodyHtml = await this.markdown.render(input.body);
    return this.transactions.run(async (em) => {
      const comment = await this.lockLiveComment(em, input.id);
      checkCanEditPost(viewer, comment);
      return this.comments.edit(em, comment.id, input.body, bodyHtml, this.clock.now());
    });
  }

  /** Soft delete by the author or a moderator; the row stays, with who removed it. */
  async delete(viewer: Viewer, commentId: string): Promise<true> {
    return this.transactions.run(async (em) => {
      const comment = await this.lockLiveComment(em, commentId);
      checkCanDeletePost(viewer, comment);
      await this.comments.markDeleted(em, comment.id, viewer.id, this.clock.now());
      return true as const;
    });
  }

  /**
   * Locks the thread a post belongs to and checks the post is still there. For an answer, it is read
   * again under the question's lock, so a concurrent delete has either committed or not begun.
   */
  private async lockThread(em: EntityManager, targetType: PostTargetType, targetId: string): Promise<QuestionEntity> {
    if (targetType === 'QUESTION') return this.questionsService.lockLive(em, targetId);
    return (await this.answers.lockLiveAnswerAndQuestion(em, targetId)).question;
  }

  private async findLiveComment(em: EntityManager, commentId: string): Promise<CommentEntity> {
    const comment = await this.comments.findLive(em, checkId(commentId, 'comment'));
    if (!comment) throw await missing(em, CommentEntity, 'comment', commentId);
    return comment;
  }

  /** A comment on a deleted post (or in a deleted thread) is gone with it: NOT_FOUND, like the post. */
  private async lockLiveComment(em: EntityManager, commentId: string): Promise<CommentEntity> {
    const found = await this.findLiveComment(em, commentId);
    await this.lockThread(em, found.targetType, found.targetId);
    return this.findLiveComment(em, commentId);
  }
}
