import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { assertValid, checkCanVote, scoreDelta, validateVoteValue, voteReputationChanges, type VoteValue } from '@peerdesk/domain';
import { AnswerEntity } from '../answers/answer.entity';
import { AnswersRepository } from '../answers/answers.repository';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import { missing } from '../database/errors';
import type { Viewer } from '../common/viewer';
import { Transactions } from '../database/transactions';
import { QuestionsRepository } from '../questions/questions.repository';
import { QuestionsService } from '../questions/questions.service';
import { UsersRepository } from '../users/users.repository';
import type { VoteInput } from './dto/vote.input';
import type { VoteTargetType } from './vote.entity';
import { VotesRepository } from './votes.repository';

/** A post's score after a vote, and the voter's vote now. */
export interface VoteResult {
  targetType: VoteTargetType;
  targetId: string;
  score: number;
  viewerVote: VoteValue;
}

@Injectable()
export class VotesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly votes: VotesRepository,
    private readonly questions: QuestionsRepository,
    private readonly users: UsersRepository,
    private readonly questionsService: QuestionsService,
    private readonly answers: AnswersRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One vote per user per post, changeable or withdrawn (0); never on your own post. */
  async vote(viewer: Viewer, input: VoteInput): Promise<VoteResult> {
    assertValid(validateVoteValue(input.value));
    const value = input.value as VoteValue;
    const targetId = checkId(input.targetId, input.targetType.toLowerCase());
    return this.transactions.runWithReportFactsAfterCommit(async (em) => {
      const target = await this.lockTarget(em, input.targetType, targetId);
      checkCanVote(viewer, target);
      const now = this.clock.now();
      const previous = await this.votes.replace(em, { userId: viewer.id, targetType: input.targetType, targetId }, value, now);
      const score = target.score + scoreDelta(previous, value);
      if (input.targetType === 'QUESTION') await this.questions.setScore(em, targetId, score);
      else await this.answers.setScore(em, targetId, score);
      await this.users.moveReputation(
        em,
        voteReputationChanges(input.targetType, previous, value).map((change) => ({
          userId: target.authorId, ...change, questionId: target.questionId, answerId: input.targetType === 'ANSWER' ? targetId : null, actorId: viewer.id,
        })),
        now,
      );
      return { targetType: input.targetType, targetId, score, viewerVote: value };
    });
  }

  /** The viewer's votes on some posts of one type: id → 1 or -1. */
  async viewerVotes(viewerId: string, targetType: VoteTargetType, targetIds: string[]): Promise<Map<string, number>> {
    if (targetIds.length === 0) return new Map();
    return this.votes.valuesBy(viewerId, targetType, targetIds);
  }

  /** Locks the voted post through its owner, in the one lock order: the question first, also for a vote on one of its answers. */
  private async lockTarget(em: EntityManager, targetType: VoteTargetType, id: string): Promise<{ authorId: string | null; score: number; questionId: string }> {
    if (targetType === 'QUESTION') {
      const question = await this.questionsService.lockLive(em, id);
      return { authorId: question.authorId, score: question.score, questionId: question.id };
    }
    const answer = await this.answers.lockLiveForScore(em, id);
    if (!answer) throw await missing(em, AnswerEntity, 'answer', id);
    return { authorId: answer.authorId, score: answer.score, questionId: answer.questionId };
  }
}
