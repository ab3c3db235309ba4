import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { AnswerAcceptanceEntity, AnswerEntity } from './answer.entity';

@Injectable()
export class AnswersRepository {
  constructor(private readonly db: DataSource) {}

  /** A question's live answers: the accepted one first, then by score, then oldest. */
  forQuestion(questionId: string, acceptedAnswerId: string | null): Promise<AnswerEntity[]> {
    return this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .where('a.question_id = :questionId AND a.deleted_at IS NULL', { questionId })
      .orderBy('a.id = :accepted', 'DESC')
      .addOrderBy('a.score', 'DESC')
      .addOrderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .setParameter('accepted', acceptedAnswerId ?? '0')
      .getMany();
  }

  findLive(em: EntityManager, id: string): Promise<AnswerEntity | null> {
    return em.findOneBy(AnswerEntity, { id, deletedAt: IsNull() });
  }

  async recordAcceptance(em: EntityManager, acceptance: Pick<AnswerAcceptanceEntity, 'questionId' | 'answerId' | 'acceptedBy' | 'acceptedAt'>): Promise<void> {
    await em.insert(AnswerAcceptanceEntity, acceptance);
  }

  /** Closes the question's current acceptance, if any; history is never deleted. */
  async withdrawAcceptance(em: EntityManager, questionId: string, by: string, at: Date): Promise<void> {
    await em.update(AnswerAcceptanceEntity, { questionId, withdrawnAt: IsNull() }, { withdrawnBy: by, withdrawnAt: at });
  }
}
