import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswerModel, toAnswerModel } from '../answers/answer.model';
import { CurrentViewer, type RequestContext, Requires, type Viewer } from '../common/viewer';
import { EndorsedLoader } from './endorsements.loaders';
import { EndorsementsService } from './endorsements.service';

/** Staff endorsement of answers (EndorsementsService says what it means). */
@Resolver(() => AnswerModel)
export class EndorsementsResolver {
  constructor(private readonly endorsements: EndorsementsService) {}

  @ResolveField(() => Boolean, { description: 'A member of staff has vouched for this answer.' })
  endorsedByStaff(@Parent() answer: AnswerModel, @Context() { loaders }: RequestContext): Promise<boolean> {
    return loaders.get(EndorsedLoader).load(answer.id);
  }

  @Mutation(() => AnswerModel, { description: 'Staff vouch for an answer (employees: staff, managers, admins). Changes no outcome.' })
  @Requires('endorse_answer')
  async endorseAnswer(@Args('answerId', { type: () => ID }) answerId: string, @CurrentViewer() viewer: Viewer): Promise<AnswerModel> {
    const { answer, acceptedAnswerId } = await this.endorsements.endorse(viewer, answerId);
    return toAnswerModel(answer, acceptedAnswerId);
  }

  @Mutation(() => AnswerModel)
  @Requires('endorse_answer')
  async unendorseAnswer(@Args('answerId', { type: () => ID }) answerId: string, @CurrentViewer() viewer: Viewer): Promise<AnswerModel> {
    const { answer, acceptedAnswerId } = await this.endorsements.unendorse(viewer, answerId);
    return toAnswerModel(answer, acceptedAnswerId);
  }
}
