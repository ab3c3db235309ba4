import { Inject } from '@nestjs/common';
import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { DataSource } from 'typeorm';
import { notFound } from '@peerdesk/domain';
import { AnswerModel, toAnswerModel } from '../answers/answer.model';
import { AnswersRepository } from '../answers/answers.repository';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import { CurrentViewer, type RequestContext, Requires, type Viewer } from '../common/viewer';
import { QuestionEntity } from '../questions/question.entity';
import { EndorsedLoader } from './endorsements.loaders';
import { EndorsementsRepository } from './endorsements.repository';

/**
 * Staff endorsement: an employee vouches for an answer. It is a label only: the answer's authorKind and
 * every report outcome stay as they are (the report counts endorsed peer solutions separately).
 */
@Resolver(() => AnswerModel)
export class EndorsementsResolver {
  constructor(
    private readonly endorsements: EndorsementsRepository,
    private readonly answers: AnswersRepository,
    private readonly db: DataSource,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @ResolveField(() => Boolean, { description: 'A member of staff has vouched for this answer.' })
  endorsedByStaff(@Parent() answer: AnswerModel, @Context() { loaders }: RequestContext): Promise<boolean> {
    return loaders.get(EndorsedLoader).load(answer.id);
  }

  @Mutation(() => AnswerModel, { description: 'Staff vouch for an answer (employees: staff, managers, admins). Changes no outcome.' })
  @Requires('endorse_answer')
  async endorseAnswer(@Args('answerId', { type: () => ID }) answerId: string, @CurrentViewer() viewer: Viewer): Promise<AnswerModel> {
    if (!(await this.endorsements.endorse(checkId(answerId, 'answer'), viewer.id, this.clock.now()))) throw notFound(`There is no answer ${answerId}.`);
    return this.answerModel(answerId);
  }

  @Mutation(() => AnswerModel)
  @Requires('endorse_answer')
  async unendorseAnswer(@Args('answerId', { type: () => ID }) answerId: string): Promise<AnswerModel> {
    await this.endorsements.unendorse(checkId(answerId, 'answer'));
    return this.answerModel(answerId);
  }

  private async answerModel(answerId: string): Promise<AnswerModel> {
    const answer = await this.answers.findLive(this.db.manager, answerId);
    if (!answer) throw notFound(`There is no answer ${answerId}.`);
    const question = await this.db.manager.findOneByOrFail(QuestionEntity, { id: answer.questionId });
    return toAnswerModel(answer, question.acceptedAnswerId);
  }
}
