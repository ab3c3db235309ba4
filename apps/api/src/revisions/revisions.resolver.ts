import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswerModel } from '../answers/answer.model';
import { checkPageSize } from '../common/pagination';
import type { RequestContext } from '../common/viewer';
import { QuestionModel } from '../questions/question.model';
import { toUserModel, UserModel } from '../users/user.model';
import { UserLoader } from '../users/users.loaders';
import { PostRevisionModel, toPostRevisionModel } from './revision.model';
import { RevisionsOfLoader } from './revisions.loaders';

const DESCRIPTION = 'The newest `first` edits, newest first (empty when the post was never edited); editCount says how many there are in all.';
const COUNT_DESCRIPTION = 'How many times the post was edited.';

/** Every edit moves a post's updatedAt; a post never changed since it was written has no history to read. */
const neverChanged = (post: { createdAt: Date; updatedAt: Date }) => post.updatedAt.getTime() === post.createdAt.getTime();

type RevisedPostType = 'QUESTION' | 'ANSWER';

/** A post's edits through the request's loader; synchronous when there is nothing to read, so an unedited thread's page batches as it did without histories. */
function editsOf(loaders: RequestContext['loaders'], postType: RevisedPostType, post: { id: string; createdAt: Date; updatedAt: Date }) {
  if (neverChanged(post)) return [];
  return loaders.get(RevisionsOfLoader).load({ postType, postId: post.id });
}

async function newestEdits(loaders: RequestContext['loaders'], postType: RevisedPostType, post: { id: string; createdAt: Date; updatedAt: Date }, first: number): Promise<PostRevisionModel[]> {
  checkPageSize(first);
  return (await editsOf(loaders, postType, post)).slice(0, first).map(toPostRevisionModel);
}

@Resolver(() => QuestionModel)
export class QuestionRevisionsResolver {
  @ResolveField(() => [PostRevisionModel], { description: DESCRIPTION })
  revisions(
    @Parent() question: QuestionModel,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
    @Context() { loaders }: RequestContext,
  ): Promise<PostRevisionModel[]> {
    return newestEdits(loaders, 'QUESTION', question, first);
  }

  @ResolveField(() => Int, { description: COUNT_DESCRIPTION })
  async editCount(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): Promise<number> {
    return (await editsOf(loaders, 'QUESTION', question)).length;
  }
}

@Resolver(() => AnswerModel)
export class AnswerRevisionsResolver {
  @ResolveField(() => [PostRevisionModel], { description: DESCRIPTION })
  revisions(
    @Parent() answer: AnswerModel,
    @Args('first', { type: () => Int, defaultValue: 10 }) first: number,
    @Context() { loaders }: RequestContext,
  ): Promise<PostRevisionModel[]> {
    return newestEdits(loaders, 'ANSWER', answer, first);
  }

  @ResolveField(() => Int, { description: COUNT_DESCRIPTION })
  async editCount(@Parent() answer: AnswerModel, @Context() { loaders }: RequestContext): Promise<number> {
    return (await editsOf(loaders, 'ANSWER', answer)).length;
  }
}

@Resolver(() => PostRevisionModel)
export class PostRevisionResolver {
  @ResolveField(() => UserModel, { nullable: true, description: 'Who edited.' })
  async editor(@Parent() revision: PostRevisionModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel | null> {
    if (!revision.editorId) return null;
    const user = await loaders.get(UserLoader).load(revision.editorId);
    return user ? toUserModel(user, viewer) : null;
  }
}
