import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswerModel } from '../answers/answer.model';
import type { RequestContext } from '../common/viewer';
import { QuestionModel } from '../questions/question.model';
import { AttributionModel, toAttributionModel } from './attribution.model';
import { AttributionLoader } from './importer.loaders';

const DESCRIPTION = 'Set for imported content (e.g. from a Stack Exchange dump): show it with the post. Null for posts written here.';

@Resolver(() => QuestionModel)
export class QuestionAttributionResolver {
  @ResolveField(() => AttributionModel, { nullable: true, description: DESCRIPTION })
  async attribution(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): Promise<AttributionModel | null> {
    const row = await loaders.get(AttributionLoader).load({ targetType: 'QUESTION', targetId: question.id });
    return row ? toAttributionModel(row) : null;
  }
}

@Resolver(() => AnswerModel)
export class AnswerAttributionResolver {
  @ResolveField(() => AttributionModel, { nullable: true, description: DESCRIPTION })
  async attribution(@Parent() answer: AnswerModel, @Context() { loaders }: RequestContext): Promise<AttributionModel | null> {
    const row = await loaders.get(AttributionLoader).load({ targetType: 'ANSWER', targetId: answer.id });
    return row ? toAttributionModel(row) : null;
  }
}
