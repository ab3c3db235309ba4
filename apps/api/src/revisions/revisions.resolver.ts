import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { AnswerModel } from '../answers/answer.model';
import type { RequestContext } from '../common/viewer';
import { QuestionModel } from '../questions/question.model';
import { toUserModel, UserModel } from '../users/user.model';
import { UserLoader } from '../users/users.loaders';
import { PostRevisionModel, toPostRevisionModel } from './revision.model';
import { RevisionsOfLoader } from './revisions.loaders';

const DESCRIPTION = 'The edit history, newest first (empty when the post was never edited).';

@Resolver(() => QuestionModel)
export class QuestionRevisionsResolver {
  @ResolveField(() => [PostRevisionModel], { description: DESCRIPTION })
  async revisions(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): Promise<PostRevisionModel[]> {
    return (await loaders.get(RevisionsOfLoader).load({ postType: 'QUESTION', postId: question.id })).map(toPostRevisionModel);
  }
}

@Resolver(() => AnswerModel)
export class AnswerRevisionsResolver {
  @ResolveField(() => [PostRevisionModel], { description: DESCRIPTION })
  async revisions(@Parent() answer: AnswerModel, @Context() { loaders }: RequestContext): Promise<PostRevisionModel[]> {
    return (await loaders.get(RevisionsOfLoader).load({ postType: 'ANSWER', postId: answer.id })).map(toPostRevisionModel);
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
