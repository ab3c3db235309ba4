import { ArgsType, Field, ID, InputType, Int, OmitType } from '@nestjs/graphql';
import type { ThreadStatus } from '@peerdesk/domain';
import { type QuestionOrder, QuestionOrderEnum, ThreadStatusEnum } from '../../common/enums';

@InputType()
export class AskQuestionInput {
  @Field(() => ID)
  categoryId!: string;

  @Field({ description: '10–200 characters.' })
  title!: string;

  @Field({ description: 'Markdown, 20–30,000 characters.' })
  body!: string;

  @Field(() => [String], { defaultValue: [], description: 'At most 5; lower-cased.' })
  tags!: string[];

  @Field(() => ID, { nullable: true, description: "The ask page's session id (recordAskEvent): this ask attempt ended in a post." })
  askSessionId?: string;
}

@InputType()
export class EditQuestionInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  title?: string;

  @Field({ nullable: true })
  body?: string;

  @Field(() => [String], { nullable: true })
  tags?: string[];

  @Field({ nullable: true, description: "Why (kept in the question's edit history); required when editing someone else's question." })
  reason?: string;
}

@InputType()
export class QuestionFilter {
  @Field(() => ID, { nullable: true })
  categoryId?: string;

  @Field(() => ThreadStatusEnum, { nullable: true })
  status?: ThreadStatus;

  @Field({ nullable: true })
  tag?: string;

  @Field({ nullable: true, description: 'Only questions still waiting for an answer: none live yet, and not closed.' })
  unanswered?: boolean;

  @Field(() => ID, { nullable: true })
  authorId?: string;

  @Field(() => Boolean, { nullable: true, description: "Only pinned questions (true) or only unpinned ones (false): a category page lists its pinned questions first." })
  pinned?: boolean | null;
}

/** A question list's order and page, whatever it lists. */
@ArgsType()
class QuestionPageArgs {
  @Field(() => QuestionOrderEnum, { defaultValue: 'NEWEST' })
  orderBy!: QuestionOrder;

  @Field(() => Int, { defaultValue: 20 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string;
}

@ArgsType()
export class QuestionsArgs extends QuestionPageArgs {
  @Field(() => QuestionFilter, { nullable: true })
  filter?: QuestionFilter;
}

/** The filters of one category's list (Category.questions): the category is the parent's. */
@InputType()
export class CategoryQuestionFilter extends OmitType(QuestionFilter, ['categoryId'] as const, InputType) {}

@ArgsType()
export class CategoryQuestionsArgs extends QuestionPageArgs {
  @Field(() => CategoryQuestionFilter, { nullable: true })
  filter?: CategoryQuestionFilter;
}
