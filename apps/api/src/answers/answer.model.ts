import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AuthorKind } from '@peerdesk/domain';
import { AuthorKindEnum } from '../common/enums';
import { ConnectionOf } from '../common/pagination';
import type { PostText } from '../common/post-text';
import type { AnswerEntity } from './answer.entity';
import type { AnswerRow } from './answers.repository';
import { moderationFactsOf, type PostModerationFacts } from '../questions/question.model';

@ObjectType('Answer')
export class AnswerModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  questionId!: string;

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

  // Resolved by field resolvers from these (not in the schema).
  /** The answer's text when it was read whole (a thread's answers); null for a row (an accepted answer in a list), whose `body` and `bodyHtml` load it when asked. */
  text!: PostText | null;
  authorId!: string;
  moderation!: PostModerationFacts;
}

export const AnswerConnection = ConnectionOf(AnswerModel, 'Answer');

export function toAnswerModel(answer: AnswerRow | AnswerEntity, acceptedAnswerId: string | null): AnswerModel {
  return {
    id: answer.id,
    questionId: answer.questionId,
    text: 'body' in answer ? { id: answer.id, body: answer.body, bodyHtml: answer.bodyHtml } : null,
    authorKind: answer.authorKind,
    score: answer.score,
    isAccepted: answer.id === acceptedAnswerId,
    createdAt: answer.createdAt,
    updatedAt: answer.updatedAt,
    authorId: answer.authorId,
    moderation: moderationFactsOf(answer),
  };
}
