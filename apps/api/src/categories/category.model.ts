import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { BusinessCalendar } from '@peerdesk/domain';
import { GraphQLJSONObject } from '../common/json.scalar';
import type { CategoryActivity, KeptCounts } from './categories.repository';
import type { CategoryEntity } from './category.entity';

@ObjectType('Category')
export class CategoryModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  slug!: string;

  @Field()
  description!: string;

  @Field(() => Int)
  peerWindowHours!: number;

  @Field(() => Int)
  staffResponseHours!: number;

  @Field(() => Int, { description: 'Hours a peer-answered question may stay unsolved before staff step in.' })
  unsolvedWindowHours!: number;

  @Field(() => Int, { nullable: true, description: "A shorter peer window for a member's first question; null when off." })
  fastLanePeerWindowHours!: number | null;

  @Field(() => Int, { nullable: true, description: 'Days after its acceptance a solved question closes by itself (1–3650); null: never.' })
  solvedAutoCloseDays!: number | null;

  @Field(() => GraphQLJSONObject, { description: 'Working hours of the staff clock: { timeZone, week: { mon: [{ start, end }] … }, holidays }.' })
  businessCalendar!: BusinessCalendar;

  @Field()
  createdAt!: Date;

  /** Not a field: the counts category_counts keeps, when the category was read with them (Query.category), for its lists' totals. */
  keptCounts?: KeptCounts;
}

export function toCategoryModel(category: CategoryEntity): CategoryModel {
  return { ...category };
}

@ObjectType('CategorySummary', { description: 'A category with its activity, for the home and categories pages.' })
export class CategorySummaryModel extends CategoryModel {
  @Field(() => Int)
  questionCount!: number;

  @Field(() => Int)
  solvedCount!: number;

  @Field(() => Int, { description: 'Questions still waiting for an answer: none live yet, and not closed.' })
  unansweredCount!: number;

  @Field(() => Date, { nullable: true, description: 'The latest activity on any of its questions; null when it has none.' })
  lastActivityAt!: Date | null;
}

export function toCategorySummaryModel(category: CategoryEntity, activity: CategoryActivity): CategorySummaryModel {
  return { ...toCategoryModel(category), ...activity };
}
