import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type RequestContext, SignedIn, type Viewer } from '../common/viewer';
import { QuestionModel, toQuestionModel } from '../questions/question.model';
import { DuplicateOfLoader } from './duplicates.loaders';
import { DuplicatesService } from './duplicates.service';

@Resolver(() => QuestionModel)
export class DuplicatesResolver {
  constructor(private readonly duplicates: DuplicatesService) {}

  @ResolveField(() => QuestionModel, {
    nullable: true,
    description: 'The original this question duplicates (set by a moderator or a LEADER member; the question is then CLOSED). Clients redirect readers there.',
  })
  async duplicateOf(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): Promise<QuestionModel | null> {
    const original = await loaders.get(DuplicateOfLoader).load(question.id);
    return original ? toQuestionModel(original) : null;
  }

  @Mutation(() => QuestionModel, {
    description: 'Moderators and LEADER members: close a question as a duplicate of a live original (never itself a duplicate); FORBIDDEN for others.',
  })
  @SignedIn()
  async markDuplicate(
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('originalId', { type: () => ID }) originalId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<QuestionModel> {
    return toQuestionModel(await this.duplicates.markDuplicate(viewer, questionId, originalId));
  }

  @Mutation(() => QuestionModel, { description: 'Moderators and LEADER members: take the duplicate mark off and reopen the question; FORBIDDEN for others.' })
  @SignedIn()
  async unmarkDuplicate(@Args('questionId', { type: () => ID }) questionId: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.duplicates.unmarkDuplicate(viewer, questionId));
  }
}
