import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import DataLoader from 'dataloader';
import { CurrentViewer, type RequestContext, Requires, type Viewer } from '../common/viewer';
import { QuestionModel, toQuestionModel } from '../questions/question.model';
import { DuplicatesService } from './duplicates.service';

/** One batched lookup per request, kept beside the request so it never outlives it. */
const loaders = new WeakMap<object, DataLoader<string, QuestionModel | null>>();

@Resolver(() => QuestionModel)
export class DuplicatesResolver {
  constructor(private readonly duplicates: DuplicatesService) {}

  @ResolveField(() => QuestionModel, {
    nullable: true,
    description: 'The original this question duplicates (set by a moderator; the question is then CLOSED). Clients redirect readers there.',
  })
  duplicateOf(@Parent() question: QuestionModel, @Context() context: RequestContext): Promise<QuestionModel | null> {
    let loader = loaders.get(context.req);
    if (!loader) {
      loader = new DataLoader(async (ids) => {
        const originals = await this.duplicates.originals(ids);
        return ids.map((id) => {
          const original = originals.get(id);
          return original ? toQuestionModel(original) : null;
        });
      });
      loaders.set(context.req, loader);
    }
    return loader.load(question.id);
  }

  @Mutation(() => QuestionModel, { description: 'Moderators: close a question as a duplicate of a live original (never itself a duplicate).' })
  @Requires('moderate_threads')
  async markDuplicate(
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('originalId', { type: () => ID }) originalId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<QuestionModel> {
    return toQuestionModel(await this.duplicates.markDuplicate(viewer, questionId, originalId));
  }

  @Mutation(() => QuestionModel, { description: 'Moderators: take the duplicate mark off and reopen the question.' })
  @Requires('moderate_threads')
  async unmarkDuplicate(@Args('questionId', { type: () => ID }) questionId: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.duplicates.unmarkDuplicate(viewer, questionId));
  }
}
