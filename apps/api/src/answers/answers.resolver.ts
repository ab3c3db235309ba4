import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { canDeletePost, canEditPost } from '@peerdesk/domain';
import { CurrentViewer, type RequestContext, Requires, SignedIn, type Viewer } from '../common/viewer';
import { QuestionModel, toQuestionModel } from '../questions/question.model';
import { QuestionLoader } from '../questions/questions.loaders';
import { toUserModel, UserModel } from '../users/user.model';
import { UserLoader } from '../users/users.loaders';
import { AnswerModel, toAnswerModel } from './answer.model';
import { AnswersService } from './answers.service';
import { AnswerTextLoader } from './answers.loaders';
import { textOf } from '../common/post-text';
import { EditAnswerInput, PostAnswerInput } from './dto/answer.input';
import { RateLimit } from '../rate-limits/rate-limit.guard';

@Resolver(() => AnswerModel)
export class AnswersResolver {
  constructor(private readonly answers: AnswersService) {}

  @Mutation(() => AnswerModel)
  @Requires('post_answer')
  @RateLimit('answer')
  async postAnswer(@Args('input') input: PostAnswerInput, @CurrentViewer() viewer: Viewer): Promise<AnswerModel> {
    return toAnswerModel(await this.answers.post(viewer, input), null);
  }

  @Mutation(() => AnswerModel, { description: 'Author or moderator; earlier versions are kept.' })
  @SignedIn()
  async editAnswer(@Args('input') input: EditAnswerInput, @CurrentViewer() viewer: Viewer): Promise<AnswerModel> {
    const { answer, acceptedAnswerId } = await this.answers.edit(viewer, input);
    return toAnswerModel(answer, acceptedAnswerId);
  }

  @Mutation(() => QuestionModel, { description: 'Soft delete by the author or a moderator. Returns the question.' })
  @SignedIn()
  async deleteAnswer(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
    @Args('reason', { type: () => String, nullable: true, description: "Why (a moderator removing someone else's answer); kept with the audit entry." }) reason?: string | null,
  ): Promise<QuestionModel> {
    return toQuestionModel(await this.answers.delete(viewer, id, reason ?? null));
  }

  @Mutation(() => QuestionModel, { description: 'The asker or a moderator marks this answer as the solution.' })
  @SignedIn()
  async acceptAnswer(@Args('answerId', { type: () => ID }) answerId: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.answers.accept(viewer, answerId));
  }

  @Mutation(() => QuestionModel, { description: 'The asker or a moderator withdraws the accepted answer.' })
  @SignedIn()
  async unacceptAnswer(@Args('questionId', { type: () => ID }) questionId: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.answers.unaccept(viewer, questionId));
  }

  @ResolveField(() => QuestionModel, { nullable: true, description: 'The question this answers; null once the question is deleted.' })
  async question(@Parent() answer: AnswerModel, @Context() { loaders }: RequestContext): Promise<QuestionModel | null> {
    const question = await loaders.get(QuestionLoader).load(answer.questionId);
    return question && !question.deletedAt ? toQuestionModel(question) : null;
  }

  @ResolveField(() => String)
  async body(@Parent() answer: AnswerModel, @Context() { loaders }: RequestContext): Promise<string> {
    return (await textOf(answer, loaders.get(AnswerTextLoader))).body;
  }

  @ResolveField(() => String)
  async bodyHtml(@Parent() answer: AnswerModel, @Context() { loaders }: RequestContext): Promise<string> {
    return (await textOf(answer, loaders.get(AnswerTextLoader))).bodyHtml;
  }

  @ResolveField({ description: 'Whether the signed-in viewer may edit this answer (its author or a moderator).' })
  viewerCanEdit(@Parent() answer: AnswerModel, @CurrentViewer() viewer: Viewer | null): boolean {
    return viewer !== null && canEditPost(viewer, answer);
  }

  @ResolveField({ description: 'Whether the signed-in viewer may delete this answer (its author or a moderator).' })
  viewerCanDelete(@Parent() answer: AnswerModel, @CurrentViewer() viewer: Viewer | null): boolean {
    return viewer !== null && canDeletePost(viewer, answer);
  }

  @ResolveField(() => UserModel)
  async author(@Parent() answer: AnswerModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel> {
    return toUserModel((await loaders.get(UserLoader).load(answer.authorId))!, viewer);
  }
}
