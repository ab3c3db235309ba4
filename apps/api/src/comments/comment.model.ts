import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { AuthorKind } from '@peerdesk/domain';
import { AuthorKindEnum, type PostTargetType, PostTargetTypeEnum } from '../common/enums';
import type { CommentEntity } from './comment.entity';
import { moderationFactsOf, type PostModerationFacts } from '../questions/question.model';

@ObjectType('Comment')
export class CommentModel {
  @Field(() => ID)
  id!: string;

  @Field(() => PostTargetTypeEnum, { description: 'Whether this comments on the question or on one of its answers.' })
  targetType!: PostTargetType;

  @Field(() => ID, { description: 'The question or answer commented on.' })
  targetId!: string;

  @Field(() => ID, { description: 'The thread this comment belongs to.' })
  questionId!: string;

  @Field({ description: 'Markdown source, for editing.' })
  body!: string;

  @Field({ description: 'Sanitized HTML rendered from the Markdown body.' })
  bodyHtml!: string;

  @Field(() => AuthorKindEnum, { description: "PEER or STAFF, fixed from the author's affiliation when written." })
  authorKind!: AuthorKind;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  authorId!: string;
  moderation!: PostModerationFacts;
}

export function toCommentModel(comment: CommentEntity): CommentModel {
  return {
    id: comment.id,
    targetType: comment.targetType,
    targetId: comment.targetId,
    questionId: comment.questionId,
    body: comment.body,
    bodyHtml: comment.bodyHtml,
    authorKind: comment.authorKind,
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    authorId: comment.authorId,
    moderation: moderationFactsOf(comment),
  };
}
