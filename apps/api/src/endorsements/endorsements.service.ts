import { Inject, Injectable } from '@nestjs/common';
import { notFound } from '@peerdesk/domain';
import { type AnswerWithAcceptance, AnswersRepository } from '../answers/answers.repository';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { Transactions } from '../database/transactions';
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
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Returns the endorsed answer; a second endorsement keeps the first. A new endorsement is recorded in the audit log. */
  async endorse(viewer: Viewer, answerId: string): Promise<AnswerWithAcceptance> {
    checkId(answerId, 'answer');
    const now = this.clock.now();
    await this.transactions.run(async (em) => {
      const outcome = await this.endorsements.endorse(em, answerId, viewer.id, now);
      if (!outcome) throw notFound(`There is no answer ${answerId}.`);
      if (outcome.added) {
        await this.audit.record(em, {
          actorId: viewer.id, action: 'ANSWER_ENDORSED', targetType: 'ANSWER', targetId: answerId,
          before: { questionId: outcome.questionId, endorsed: false }, after: { questionId: outcome.questionId, endorsed: true }, at: now,
        });
      }
    });
    return this.liveAnswer(answerId);
  }

  /** Takes a staff endorsement off (anyone who may endorse); recorded in the audit log with who had given it. */
  async unendorse(viewer: Viewer, answerId: string): Promise<AnswerWithAcceptance> {
    checkId(answerId, 'answer');
    const now = this.clock.now();
    await this.transactions.run(async (em) => {
      const gone = await this.endorsements.unendorse(em, answerId);
      if (gone) {
        await this.audit.record(em, {
          actorId: viewer.id, action: 'ANSWER_UNENDORSED', targetType: 'ANSWER', targetId: answerId,
          before: { questionId: gone.questionId, endorsed: true, endorsedBy: gone.endorsedBy, endorsedAt: gone.endorsedAt.toISOString() },
          after: { questionId: gone.questionId, endorsed: false },
          at: now,
        });
      }
    });
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
