import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, In, IsNull } from 'typeorm';
import type { Keyset } from '../common/pagination';
import { QuestionEntity } from '../questions/question.entity';
import { AnswerAcceptanceEntity, AnswerEntity } from './answer.entity';

/** An answer with its question's accepted answer, so a list can mark which ones solved their question. */
export interface AnswerWithAcceptance {
  answer: AnswerEntity;
  acceptedAnswerId: string | null;
}

/** A question as its answers list needs it: which answer is accepted goes first. */
export interface QuestionOfAnswers {
  id: string;
  acceptedAnswerId: string | null;
}

@Injectable()
export class AnswersRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * The live answers of each of these questions, in the order asked: per question the accepted one first,
   * then by score, then oldest (one statement for a page of questions).
   */
  async liveOfQuestions(questions: readonly QuestionOfAnswers[]): Promise<AnswerEntity[][]> {
    const rows = await this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .where('a.question_id = ANY(:questionIds) AND a.deleted_at IS NULL', { questionIds: questions.map((q) => q.id) })
      .orderBy('a.score', 'DESC')
      .addOrderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    return questions.map(({ id, acceptedAnswerId }) => {
      const answers = rows.filter((a) => a.questionId === id);
      return [...answers.filter((a) => a.id === acceptedAnswerId), ...answers.filter((a) => a.id !== acceptedAnswerId)];
    });
  }

  /**
   * One page of a member's live answers on live questions, newest first (served by answers_author),
   * plus one row to tell whether another page follows, and the total. `acceptedOnly` keeps the answers
   * that are their question's accepted answer now.
   */
  async byAuthor(authorId: string, acceptedOnly: boolean, first: number, after: Keyset | null): Promise<{ rows: AnswerWithAcceptance[]; total: number }> {
    const filtered = this.db
      .getRepository(AnswerEntity)
      .createQueryBuilder('a')
      .innerJoin(QuestionEntity, 'q', 'q.id = a.question_id AND q.deleted_at IS NULL')
      .where('a.author_id = :authorId AND a.deleted_at IS NULL', { authorId });
    if (acceptedOnly) filtered.andWhere('q.accepted_answer_id = a.id');
    const page = filtered.clone().addSelect('q.accepted_answer_id', 'accepted_answer_id').orderBy('a.created_at', 'DESC').addOrderBy('a.id', 'DESC').limit(first + 1);
    if (after) {
      page.andWhere(
        new Brackets((w) =>
          w.where('a.created_at < CAST(:afterKey AS timestamptz)').orWhere('a.created_at = CAST(:afterKey AS timestamptz) AND a.id < :afterId'),
        ),
        { afterKey: after.key, afterId: after.id },
      );
    }
    const [{ entities, raw }, total] = await Promise.all([page.getRawAndEntities<{ accepted_answer_id: string | null }>(), filtered.getCount()]);
    return { rows: entities.map((answer, i) => ({ answer, acceptedAnswerId: raw[i].accepted_answer_id })), total };
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

  /** The answers with these ids, deleted ones included, in the order asked, null where there is none (for per-request batching). */
  async findByIds(ids: readonly string[]): Promise<Array<AnswerEntity | null>> {
    const rows = await this.db.getRepository(AnswerEntity).findBy({ id: In([...ids]) });
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  }
}
