import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { VoteValue } from '@peerdesk/domain';
import { VoteEntity, type VoteTargetType } from './vote.entity';

/** Whose vote on which post. */
export type VoteKey = Pick<VoteEntity, 'userId' | 'targetType' | 'targetId'>;

/** Owner of votes. */
@Injectable()
export class VotesRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Sets a person's vote on a post (0 takes it back) and returns the vote it replaces (0 for none). The
   * caller holds the post's lock (AnswersRepository.lockLiveForScore or QuestionsRepository.lockLive),
   * so two votes by one person never both see "none".
   */
  async replace(em: EntityManager, key: VoteKey, value: VoteValue, at: Date): Promise<VoteValue> {
    const existing = await em.findOneBy(VoteEntity, key);
    if (value === 0) await em.delete(VoteEntity, key);
    else if (existing) await em.update(VoteEntity, key, { value, updatedAt: at });
    else await em.insert(VoteEntity, { ...key, value, createdAt: at, updatedAt: at });
    return existing?.value ?? 0;
  }

  /** A person's votes on some posts of one type: id → 1 or -1. */
  async valuesBy(userId: string, targetType: VoteTargetType, targetIds: string[]): Promise<Map<string, number>> {
    const votes = await this.db
      .getRepository(VoteEntity)
      .createQueryBuilder('v')
      .where('v.user_id = :userId AND v.target_type = :targetType AND v.target_id = ANY(:targetIds)', { userId, targetType, targetIds })
      .getMany();
    return new Map(votes.map((v) => [v.targetId, v.value]));
  }
}
