import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import type { ThreadStatus } from '@peerdesk/domain';
import { ThreadStatusEnum } from '../../common/enums';
import type { SearchSort } from '../search-engine';
import { SearchSortEnum } from '../search.model';

@InputType('SearchFilter')
export class SearchFilterInput {
  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => ThreadStatusEnum, { nullable: true })
  status?: ThreadStatus | null;

  @Field(() => String, { nullable: true })
  tag?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Only questions with an accepted answer.' })
  solvedOnly?: boolean | null;
}

@ArgsType()
export class SearchArgs {
  @Field({ description: 'Words; "quoted phrases", -excluded words and `or` are understood. 1–200 characters.' })
  query!: string;

  @Field(() => SearchFilterInput, { nullable: true })
  filter?: SearchFilterInput | null;

  @Field(() => SearchSortEnum, { defaultValue: 'RELEVANCE' })
  sort!: SearchSort;

  @Field(() => Int, { defaultValue: 20 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
export class SimilarQuestionsArgs {
  @Field({ description: 'The title being typed (1–200 characters).' })
  title!: string;

  @Field(() => String, { nullable: true })
  body?: string | null;

  @Field(() => Int, { defaultValue: 5, description: '1–5.' })
  limit!: number;
}
