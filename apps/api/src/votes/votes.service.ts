import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { assertValid, checkCanVote, scoreDelta, validateVoteValue, voteReputationDelta, type VoteValue } from '@peerdesk/domain';
import { AnswerEntity } from '../answers/answer.entity';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import { missing } from '../database/errors';
import type { Viewer } from '../common/viewer';
import { Transactions } from '../database/transactions';
import { QuestionEntity } from '../questions/question.entity';
import { QuestionsRepository } from '../questions/questions.repository';
import { moveReputation } from '../users/reputation';
import type { VoteInput, VoteResultModel } from './dto/vote.input';
import { VoteEntity, type VoteTargetType } from './vote.entity';

const TARGETS = { QUESTION: QuestionEntity, ANSWER: AnswerEntity } as const;

@Injectable()
export class VotesService {
  constructor(
    private readonly db: DataSource,
    private readonly transactions: Transactions,
    private readonly questions: QuestionsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One vote per user per post, changeable or withdrawn (0); never on your own post. */
  async vote(viewer: Viewer, input: VoteInput): Promise<VoteResultModel> {
    assertValid(validateVoteValue(input.value));
    const value = input.value as VoteValue;
    const targetId = checkId(input.targetId, input.targetType.toLowerCase());
    return this.transactions.run(async (em) => {
      const target = await this.lockTarget(em, input.targetType, targetId);
      checkCanVote(viewer, target);
      const key = { userId: viewer.id, targetType: input.targetType, targetId };
      const existing = await em.findOneBy(VoteEntity, key);
      const previous: VoteValue = existing?.value ?? 0;
      const now = this.clock.now();
      if (value === 0) await em.delete(VoteEntity, key);
      else if (existing) await em.update(VoteEntity, key, { value, updatedAt: now });
      else await em.insert(VoteEntity, { ...key, value, createdAt: now, updatedAt: now });
      const score = target.score + scoreDelta(previous, value);
      await em.update(TARGETS[input.targetType], { id: targetId }, { score });
      await moveReputation(em, [{ userId: target.authorId, delta: voteReputationDelta(input.targetType, previous, value) }]);
      return { targetType: input.targetType, targetId, score, viewerVote: value };
    });
  }

  /** The viewer's votes on some posts of one type: id → 1 or -1. */
  async viewerVotes(viewerId: string, targetType: VoteTargetType, targetIds: string[]): Promise<Map<string, number>> {
    if (targetIds.length === 0) return new Map();
    const votes = await this.db
      .getRepository(VoteEntity)
      .createQueryBuilder('v')
      .where('v.user_id = :viewerId AND v.target_type = :targetType AND v.target_id = ANY(:targetIds)', { viewerId, targetType, targetIds })
      .getMany();
    return new Map(votes.map((v) => [v.targetId, v.value]));
  }

  /**
   * Locks the voted post in the one lock order (database/transactions.ts): the question first, also for a
   * vote on one of its answers, then the answer, read again under the question's lock.
   */
  private async lockTarget(em: EntityManager, targetType: VoteTargetType, id: string): Promise<{ authorId: string | null; score: number }> {
    if (targetType === 'QUESTION') {
      const question = await this.questions.lockLive(em, id);
      if (!question) throw await missing(em, QuestionEntity, 'question', id);
      return question;
    }
    const found = await em.findOneBy(AnswerEntity, { id, deletedAt: IsNull() });
    if (found) await this.questions.lock(em, found.questionId);
    const answer = found && await em.findOne(AnswerEntity, { where: { id, deletedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
    if (!answer) throw await missing(em, AnswerEntity, 'answer', id);
    return answer;
  }
}
