import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { AnswerModel, toAnswerModel } from '../answers/answer.model';
import { CurrentViewer, type RequestContext, Requires, type Viewer } from '../common/viewer';
import { EndorsementsService } from './endorsements.service';

/** One batched lookup per request, kept beside the request so it never outlives it. */
const loaders = new WeakMap<object, DataLoader<string, boolean>>();

/** Staff endorsement of answers (EndorsementsService says what it means). */
@Resolver(() => AnswerModel)
export class EndorsementsResolver {
  constructor(private readonly endorsements: EndorsementsService) {}

  @ResolveField(() => Boolean, { description: 'A member of staff has vouched for this answer.' })
  endorsedByStaff(@Parent() answer: AnswerModel, @Context() context: RequestContext): Promise<boolean> {
    let loader = loaders.get(context.req);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const endorsed = await this.endorsements.endorsed(ids);
        return ids.map((id) => endorsed.has(id));
      });
      loaders.set(context.req, loader);
    }
    return loader.load(answer.id);
  }

  @Mutation(() => AnswerModel, { description: 'Staff vouch for an answer (employees: staff, managers, admins). Changes no outcome.' })
  @Requires('endorse_answer')
  async endorseAnswer(@Args('answerId', { type: () => ID }) answerId: string, @CurrentViewer() viewer: Viewer): Promise<AnswerModel> {
    const { answer, acceptedAnswerId } = await this.endorsements.endorse(viewer, answerId);
    return toAnswerModel(answer, acceptedAnswerId);
  }

  @Mutation(() => AnswerModel)
  @Requires('endorse_answer')
  async unendorseAnswer(@Args('answerId', { type: () => ID }) answerId: string): Promise<AnswerModel> {
    const { answer, acceptedAnswerId } = await this.endorsements.unendorse(answerId);
    return toAnswerModel(answer, acceptedAnswerId);
  }
}
