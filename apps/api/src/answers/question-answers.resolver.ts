import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import type { RequestContext } from '../common/viewer';
import { QuestionModel } from '../questions/question.model';
import { AnswerModel, toAnswerModel } from './answer.model';
import { AnswersService } from './answers.service';

/** The answer fields of Question live with the answers module that owns them. */
@Resolver(() => QuestionModel)
export class QuestionAnswersResolver {
  constructor(private readonly service: AnswersService) {}

  @ResolveField(() => [AnswerModel], { description: 'Live answers: the accepted one first, then by score, then oldest.' })
  async answers(@Parent() question: QuestionModel): Promise<AnswerModel[]> {
    return (await this.service.forQuestion(question)).map((answer) => toAnswerModel(answer, question.acceptedAnswerId));
  }

  @ResolveField(() => AnswerModel, { nullable: true })
  async acceptedAnswer(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): Promise<AnswerModel | null> {
    if (!question.acceptedAnswerId) return null;
    const answer = await loaders.answer.load(question.acceptedAnswerId);
    return answer ? toAnswerModel(answer, question.acceptedAnswerId) : null;
  }
}
