import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { ModerationState, ThreadStatus } from '@peerdesk/domain';
import { ConnectionOf } from '../common/pagination';
import { ThreadStatusEnum } from '../common/enums';
import type { QuestionEntity } from './question.entity';

@ObjectType('Question')
export class QuestionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  title!: string;

  @Field({ description: 'Markdown source, for editing.' })
  body!: string;

  @Field({ description: 'Sanitized HTML rendered from the Markdown body.' })
  bodyHtml!: string;

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

  // Resolved by field resolvers from these ids (not in the schema).
  authorId!: string;
  categoryId!: string;
  acceptedAnswerId!: string | null;
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

export function toQuestionModel(question: QuestionEntity): QuestionModel {
  return {
    id: question.id,
    title: question.title,
    body: question.body,
    bodyHtml: question.bodyHtml,
    status: question.status,
    tags: question.tags,
    score: question.score,
    viewCount: question.viewCount,
    answerCount: question.answerCount,
    createdAt: question.createdAt,
    updatedAt: question.updatedAt,
    lastActivityAt: question.lastActivityAt,
    solvedAt: question.solvedAt,
    authorId: question.authorId,
    categoryId: question.categoryId,
    acceptedAnswerId: question.acceptedAnswerId,
    moderation: moderationFactsOf(question),
  };
}

export const QuestionConnection = ConnectionOf(QuestionModel, 'Question');
