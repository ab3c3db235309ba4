import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { ThreadStatus } from '@peerdesk/domain';
import { CategoryModel, toCategoryModel } from '../categories/category.model';
import { enumOf, ThreadStatusEnum } from '../common/enums';
import { PageInfo } from '../common/pagination';
import { QuestionModel, toQuestionModel } from '../questions/question.model';
import { SEARCH_SORTS } from './search-engine';
import type { SearchPage } from './search.service';

export const SearchSortEnum = enumOf(SEARCH_SORTS);
registerEnumType(SearchSortEnum, {
  name: 'SearchSort',
  description: 'RELEVANCE blends text relevance, a boost for solved questions and a gentle recency decay.',
});

@ObjectType()
export class SearchHitModel {
  @Field(() => QuestionModel)
  question!: QuestionModel;

  @Field({ description: 'HTML-escaped text with the matched words in <mark>…</mark>; no other markup, ever.' })
  snippet!: string;
}

@ObjectType()
export class SearchEdge {
  @Field(() => SearchHitModel)
  node!: SearchHitModel;

  @Field()
  cursor!: string;
}

@ObjectType()
export class CategoryFacet {
  @Field(() => CategoryModel)
  category!: CategoryModel;

  @Field(() => Int)
  count!: number;
}

@ObjectType()
export class StatusFacet {
  @Field(() => ThreadStatusEnum)
  status!: ThreadStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'Counts over the counted matches of the query and filter (every match when totalCountIsExact), not just this page.' })
export class SearchFacets {
  @Field(() => [CategoryFacet])
  categories!: CategoryFacet[];

  @Field(() => [StatusFacet])
  statuses!: StatusFacet[];
}

@ObjectType()
export class SearchConnection {
  @Field(() => [SearchEdge])
  edges!: SearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Matches counted; when totalCountIsExact is false there are more (show it as "500+").' })
  totalCount!: number;

  @Field({ description: 'False when the engine stopped counting at a cap (the PostgreSQL engine counts 500): facets cover the counted matches.' })
  totalCountIsExact!: boolean;

  @Field(() => SearchFacets)
  facets!: SearchFacets;
}

export function toSearchConnection(page: SearchPage): SearchConnection {
  return {
    ...page,
    edges: page.edges.map(({ node, cursor }) => ({ node: { question: toQuestionModel(node.question), snippet: node.snippet }, cursor })),
    facets: {
      categories: page.facets.categories.map(({ category, count }) => ({ category: toCategoryModel(category), count })),
      statuses: page.facets.statuses,
    },
  };
}
