import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
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

  @Field()
  createdAt!: Date;
}

export function toCategoryModel(category: CategoryEntity): CategoryModel {
  return { ...category };
}

@ObjectType('CategorySummary', { description: 'A category with its activity, for the home page.' })
export class CategorySummaryModel extends CategoryModel {
  @Field(() => Int)
  questionCount!: number;

  @Field(() => Int)
  solvedCount!: number;
}
