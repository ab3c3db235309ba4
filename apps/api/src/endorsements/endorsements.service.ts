import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '@peerdesk/domain';
import { type AnswerWithAcceptance, AnswersRepository } from '../answers/answers.repository';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { EndorsementsRepository } from './endorsements.repository';

/**
 * Staff endorsement: an employee vouches for an answer. It is a label only: the answer's authorKind and
 * every report outcome stay as they are (the report counts endorsed peer solutions separately).
 */
@Injectable()
export class EndorsementsService {
  constructor(
    private readonly endorsements: EndorsementsRepository,
    private readonly answers: AnswersRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Returns the endorsed answer; a second endorsement keeps the first. */
  async endorse(viewer: Viewer, answerId: string): Promise<AnswerWithAcceptance> {
    if (!(await this.endorsements.endorse(checkId(answerId, 'answer'), viewer.id, this.clock.now()))) throw notFound(`There is no answer ${answerId}.`);
    return this.liveAnswer(answerId);
  }

  async unendorse(answerId: string): Promise<AnswerWithAcceptance> {
    await this.endorsements.unendorse(checkId(answerId, 'answer'));
    return this.liveAnswer(answerId);
  }

  /** Which of these answers carry a staff endorsement. */
  endorsed(answerIds: readonly string[]): Promise<Set<string>> {
    return this.endorsements.endorsed(answerIds);
  }

  private async liveAnswer(answerId: string): Promise<AnswerWithAcceptance> {
    const found = await this.answers.findLiveWithAcceptance(answerId);
    if (!found) throw notFound(`There is no answer ${answerId}.`);
    return found;
  }
}
