import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AuthorKind } from '@peerdesk/domain';
import { AuthorKindEnum } from '../common/enums';
import { ConnectionOf } from '../common/pagination';
import type { AnswerEntity } from './answer.entity';
import { moderationFactsOf, type PostModerationFacts } from '../questions/question.model';

@ObjectType('Answer')
export class AnswerModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  questionId!: string;

  @Field()
  body!: string;

  @Field()
  bodyHtml!: string;

  @Field(() => AuthorKindEnum, { description: "PEER or STAFF, fixed from the author's affiliation when written." })
  authorKind!: AuthorKind;

  @Field(() => Int)
  score!: number;

  @Field()
  isAccepted!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  authorId!: string;
  moderation!: PostModerationFacts;
}

export const AnswerConnection = ConnectionOf(AnswerModel, 'Answer');

export function toAnswerModel(answer: AnswerEntity, acceptedAnswerId: string | null): AnswerModel {
  return {
    id: answer.id,
    questionId: answer.questionId,
    body: answer.body,
    bodyHtml: answer.bodyHtml,
    authorKind: answer.authorKind,
    score: answer.score,
    isAccepted: answer.id === acceptedAnswerId,
    createdAt: answer.createdAt,
    updatedAt: answer.updatedAt,
    authorId: answer.authorId,
    moderation: moderationFactsOf(answer),
  };
}
