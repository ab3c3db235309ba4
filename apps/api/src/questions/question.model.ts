import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CloseReason, ModerationState, ThreadStatus } from '@peerdesk/domain';
import { ConnectionOf } from '../common/pagination';
import { CloseReasonEnum, ThreadStatusEnum } from '../common/enums';
import type { PostText } from '../common/post-text';
import type { QuestionEntity } from './question.entity';
import type { QuestionRow } from './questions.repository';

@ObjectType('QuestionLock', { description: 'A moderator locked the question: no new answers or comments (moderators excepted); votes still count.' })
export class QuestionLockModel {
  @Field()
  at!: Date;

  @Field({ description: 'Why, as members read it.' })
  reason!: string;
}

@ObjectType('QuestionCloseReason')
export class QuestionCloseReasonModel {
  @Field(() => CloseReasonEnum)
  kind!: CloseReason;

  @Field(() => String, { nullable: true, description: "The moderator's note (always there for OTHER)." })
  note!: string | null;
}

@ObjectType('Question')
export class QuestionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field(() => ThreadStatusEnum)
  status!: ThreadStatus;

  @Field(() => [String])
  tags!: string[];

  @Field(() => Int)
  score!: number;

  @Field(() => Int)
  viewCount!: number;

  @Field(() => Int)
  answerCount!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  @Field()
  lastActivityAt!: Date;

  @Field(() => Date, { nullable: true })
  solvedAt!: Date | null;

  @Field(() => QuestionLockModel, { nullable: true, description: 'Set while the question is locked.' })
  lock!: QuestionLockModel | null;

  @Field(() => QuestionCloseReasonModel, { nullable: true, description: 'Why a CLOSED question is closed; null when open (or closed before reasons were kept).' })
  closeReason!: QuestionCloseReasonModel | null;

  @Field({ description: "Pinned to the top of its category's list." })
  pinned!: boolean;

  // Resolved by field resolvers from these (not in the schema).
  /** The question's text when it was read whole (its page); null for a row (a list's), whose `body` and `bodyHtml` load it when asked. */
  text!: PostText | null;
  authorId!: string;
  categoryId!: string;
  acceptedAnswerId!: string | null;
  /** Picks the fast-lane peer window (Question.staffHelp). */
  isFirstQuestion!: boolean;
  /** For Question.moderation (review module) and who may see it. */
  moderation!: PostModerationFacts;
}

/** What a post's `moderation` field and its visibility read; not in the schema itself. */
export interface PostModerationFacts {
  state: ModerationState;
  reason: string | null;
  deleted: boolean;
}

export function moderationFactsOf(post: { moderationState: ModerationState; moderationReason: string | null; deletedAt: Date | null }): PostModerationFacts {
  return { state: post.moderationState, reason: post.moderationReason, deleted: post.deletedAt !== null };
}

export function toQuestionModel(question: QuestionRow | QuestionEntity): QuestionModel {
  return {
    id: question.id,
    title: question.title,
    text: 'body' in question ? { id: question.id, body: question.body, bodyHtml: question.bodyHtml } : null,
    status: question.status,
    tags: question.tags,
    score: question.score,
    viewCount: question.viewCount,
    answerCount: question.answerCount,
    createdAt: question.createdAt,
    updatedAt: question.updatedAt,
    lastActivityAt: question.lastActivityAt,
    solvedAt: question.solvedAt,
    lock: question.lockedAt ? { at: question.lockedAt, reason: question.lockReason ?? '' } : null,
    closeReason: question.status === 'CLOSED' && question.closeReason ? { kind: question.closeReason, note: question.closeNote } : null,
    pinned: question.pinnedAt !== null,
    authorId: question.authorId,
    categoryId: question.categoryId,
    acceptedAnswerId: question.acceptedAnswerId,
    isFirstQuestion: question.isFirstQuestion,
    moderation: moderationFactsOf(question),
  };
}

export const QuestionConnection = ConnectionOf(QuestionModel, 'Question', { cappedCount: true });
