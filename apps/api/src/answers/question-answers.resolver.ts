import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { canSeePost } from '@peerdesk/domain';
import type { RequestContext } from '../common/viewer';
import { QuestionModel } from '../questions/question.model';
import { AnswerModel, toAnswerModel } from './answer.model';
import { AnswerLoader, QuestionAnswersLoader } from './answers.loaders';

/** The answer fields of Question live with the answers module that owns them. */
@Resolver(() => QuestionModel)
export class QuestionAnswersResolver {
  @ResolveField(() => [AnswerModel], {
    description: 'Live answers: the accepted one first, then by score, then oldest. Held and hidden ones only for their author and the moderators (see Answer.moderation).',
  })
  async answers(@Parent() question: QuestionModel, @Context() { loaders, viewer }: RequestContext): Promise<AnswerModel[]> {
    const answers = await loaders.get(QuestionAnswersLoader).load(question);
    return answers.filter((a) => canSeePost(viewer, a)).map((a) => toAnswerModel(a, question.acceptedAnswerId));
  }

  @ResolveField(() => AnswerModel, { nullable: true })
  async acceptedAnswer(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): Promise<AnswerModel | null> {
    if (!question.acceptedAnswerId) return null;
    const answer = await loaders.get(AnswerLoader).load(question.acceptedAnswerId);
    return answer ? toAnswerModel(answer, question.acceptedAnswerId) : null;
  }
}
