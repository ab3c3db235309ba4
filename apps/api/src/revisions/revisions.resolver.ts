import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswerModel } from '../answers/answer.model';
import type { RequestContext } from '../common/viewer';
import { QuestionModel } from '../questions/question.model';
import { toUserModel, UserModel } from '../users/user.model';
import { UserLoader } from '../users/users.loaders';
import { PostRevisionModel, toPostRevisionModel } from './revision.model';
import { RevisionsOfLoader } from './revisions.loaders';

const DESCRIPTION = 'The edit history, newest first (empty when the post was never edited).';

/** Every edit moves a post's updatedAt; a post never changed since it was written has no history to read. */
const neverChanged = (post: { createdAt: Date; updatedAt: Date }) => post.updatedAt.getTime() === post.createdAt.getTime();

@Resolver(() => QuestionModel)
export class QuestionRevisionsResolver {
  @ResolveField(() => [PostRevisionModel], { description: DESCRIPTION })
  revisions(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): PostRevisionModel[] | Promise<PostRevisionModel[]> {
    // Synchronous when there is nothing to read, so an unedited thread's page batches exactly as it did without histories.
    if (neverChanged(question)) return [];
    return loaders.get(RevisionsOfLoader).load({ postType: 'QUESTION', postId: question.id }).then((rows) => rows.map(toPostRevisionModel));
  }
}

@Resolver(() => AnswerModel)
export class AnswerRevisionsResolver {
  @ResolveField(() => [PostRevisionModel], { description: DESCRIPTION })
  revisions(@Parent() answer: AnswerModel, @Context() { loaders }: RequestContext): PostRevisionModel[] | Promise<PostRevisionModel[]> {
    if (neverChanged(answer)) return [];
    return loaders.get(RevisionsOfLoader).load({ postType: 'ANSWER', postId: answer.id }).then((rows) => rows.map(toPostRevisionModel));
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
