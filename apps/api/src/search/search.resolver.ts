import { Args, Context, Query, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/viewer';
import { QuestionModel, toQuestionModel } from '../questions/question.model';
import { SearchArgs, SimilarQuestionsArgs } from './dto/search.input';
import { SearchConnection, toSearchConnection } from './search.model';
import { SearchService } from './search.service';
import { RateLimit } from '../rate-limits/rate-limit.guard';

/** Public, like reading questions: anonymous visitors search too. */
@Resolver()
export class SearchResolver {
  constructor(private readonly service: SearchService) {}

  @Query(() => SearchConnection, { description: 'Full-text search over questions and their answers, with snippets and facet counts.' })
  @RateLimit('search')
  async search(@Args() args: SearchArgs, @Context() context: RequestContext): Promise<SearchConnection> {
    return toSearchConnection(await this.service.search(args, context));
  }

  @Query(() => [QuestionModel], { description: 'Likely duplicates of a question being asked (at most 5), solved ones first.' })
  @RateLimit('search')
  async similarQuestions(@Args() args: SimilarQuestionsArgs, @Context() { loaders }: RequestContext): Promise<QuestionModel[]> {
    return (await this.service.similarQuestions(args, loaders)).map((question) => toQuestionModel(question));
  }
}
