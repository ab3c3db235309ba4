import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import type { EscalationReason, StaffClockPause, TimeoutReason } from '@peerdesk/domain';
import { type EscalationCloseReason, EscalationEntity, EscalationEventEntity, type EscalationEventType, EscalationPauseEntity } from './escalation.entity';

/** A new escalation as escalating reads it back: which question, why, and its deadline. */
export type InsertedEscalation = Pick<EscalationEntity, 'id' | 'questionId' | 'reason' | 'staffDueAt'>;

/** The one owner of `escalations`, `escalation_events` and `escalation_pauses`. */
@Injectable()
export class EscalationRepository {
  /** Locks up to `limit` open escalations past their staff deadline with no staff response yet, skipping rows another process holds. */
  claimBreachDue(em: EntityManager, now: Date, limit: number): Promise<EscalationEntity[]> {
    return em
      .createQueryBuilder(EscalationEntity, 'e')
      .setLock('pessimistic_write')
      .setOnLocked('skip_locked')
      .where('e.closed_at IS NULL AND e.breached_at IS NULL AND e.first_staff_response_at IS NULL AND e.staff_due_at <= :now', { now })
      .orderBy('e.staff_due_at')
      .limit(limit)
      .getMany();
  }

  lockOpen(em: EntityManager, questionId: string): Promise<EscalationEntity | null> {
    return em.findOne(EscalationEntity, { where: { questionId, closedAt: IsNull() }, lock: { mode: 'pessimistic_write' } });
  }

  async firedTimeouts(em: EntityManager, questionId: string): Promise<TimeoutReason[]> {
    const rows: Array<{ reason: TimeoutReason }> = await em.query(
      `SELECT reason FROM escalations WHERE question_id = $1 AND reason IN ('UNANSWERED_TIMEOUT', 'UNSOLVED_TIMEOUT')`,
      [questionId],
    );
    return rows.map((r) => r.reason);
  }

  async hasOpen(em: EntityManager, questionId: string): Promise<boolean> {
    return (await em.countBy(EscalationEntity, { questionId, closedAt: IsNull() })) > 0;
  }

  /**
   * Inserts escalations with their ESCALATED events in one statement, returning what escalating goes on to tell (in id
   * order). A question that already has an open escalation, or this timeout trigger once, is skipped by the unique
   * indexes (ON CONFLICT).
   */
  async insertMany(
    em: EntityManager,
    escalations: Array<Pick<EscalationEntity, 'questionId' | 'reason' | 'note' | 'escalatedBy' | 'escalatedAt' | 'staffResponseHours' | 'staffDueAt'>>,
  ): Promise<InsertedEscalation[]> {
    const column = <K extends keyof (typeof escalations)[number]>(key: K) => escalations.map((e) => e[key]);
    // A batch shares a few instants (its moment, one deadline per category): each is written out once, not by pg per row.
    const instants = new Map<number, string>();
    const instant = (at: Date | null) => {
      if (!at) return null;
      let text = instants.get(at.getTime());
      if (text === undefined) instants.set(at.getTime(), text = at.toISOString());
      return text;
    };
    // One statement, with the events fed from RETURNING: no second look-up of what was just written. Only four columns
    // come back: a batch's 1,000 whole rows (20 columns, a dozen instants parsed into dates) cost the API about 4 ms more.
    return em.query(
      `WITH inserted AS (
         INSERT INTO escalations (question_id, reason, note, escalated_by, escalated_at, staff_response_hours, staff_due_at)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::timestamptz[], $6::int[], $7::timestamptz[])
         ON CONFLICT DO NOTHING
         RETURNING *),
       events AS (
         INSERT INTO escalation_events (escalation_id, question_id, type, reason, note, actor_id, at)
         SELECT id, question_id, 'ESCALATED', reason, note, escalated_by, escalated_at FROM inserted)
       SELECT id::text, question_id::text AS "questionId", reason, staff_due_at AS "staffDueAt" FROM inserted ORDER BY id`,
      [column('questionId'), column('reason'), column('note'), column('escalatedBy'), escalations.map((e) => instant(e.escalatedAt)),
        column('staffResponseHours'), escalations.map((e) => instant(e.staffDueAt))],
    );
  }

  async recordEvent(
    em: EntityManager,
    escalation: Pick<EscalationEntity, 'id' | 'questionId'>,
    type: EscalationEventType,
    at: Date,
    details: { actorId?: string | null; reason?: EscalationReason | string | null; note?: string | null } = {},
  ): Promise<void> {
    await em.insert(EscalationEventEntity, {
      escalationId: escalation.id,
      questionId: escalation.questionId,
      type,
      at,
      actorId: details.actorId ?? null,
      reason: details.reason ?? null,
      note: details.note ?? null,
    });
  }

  async pauses(em: EntityManager, escalationId: string): Promise<StaffClockPause[]> {
    const rows = await em.find(EscalationPauseEntity, { where: { escalationId } });
    return rows.map((p) => ({ pausedAt: p.pausedAt, resumedAt: p.resumedAt }));
  }

  async closePause(em: EntityManager, escalationId: string, at: Date): Promise<void> {
    await em.update(EscalationPauseEntity, { escalationId, resumedAt: IsNull() }, { resumedAt: at });
  }

  findByIdOrFail(em: EntityManager, id: string): Promise<EscalationEntity> {
    return em.findOneByOrFail(EscalationEntity, { id });
  }

  /** Null releases it. */
  async setAssignee(em: EntityManager, escalationId: string, assigneeId: string | null): Promise<void> {
    await em.update(EscalationEntity, { id: escalationId }, { assigneeId });
  }

  /** Stops the staff clock while waiting on the asker: a pause opens and there is no deadline until it closes. */
  async pause(em: EntityManager, escalationId: string, at: Date, request: { note: string; askedBy: string }): Promise<void> {
    await em.insert(EscalationPauseEntity, { escalationId, pausedAt: at, resumedAt: null });
    await em.update(EscalationEntity, { id: escalationId }, {
      pausedSince: at, staffDueAt: null,
      needsInfoNote: request.note, needsInfoAskedAt: at, needsInfoAskedBy: request.askedBy, askerRepliedAt: null, askerReplyCommentId: null,
    });
  }

  /**
   * The staff clock runs again, towards `staffDueAt` (the pauses taken out), because the asker replied at `at`
   * (with `commentId`, or by an edit or a private message: null); the caller closed the pause.
   */
  async resume(em: EntityManager, escalationId: string, staffDueAt: Date | null, at: Date, commentId: string | null): Promise<void> {
    await em.update(EscalationEntity, { id: escalationId }, { pausedSince: null, staffDueAt, askerRepliedAt: at, askerReplyCommentId: commentId });
  }

  async setFirstStaffResponse(em: EntityManager, escalationId: string, at: Date, responderId: string): Promise<void> {
    await em.update(EscalationEntity, { id: escalationId }, { firstStaffResponseAt: at, firstStaffResponderId: responderId });
  }

  /**
   * Per category, in the order asked: the member of its staff team with the fewest open escalations assigned
   * (ties: the longest-standing account), null when it has no team. One statement for a page.
   */
  async leastBusyTeamMembers(em: EntityManager, categoryIds: readonly string[]): Promise<Array<string | null>> {
    const rows: Array<{ category_id: string; user_id: string }> = await em.query(
      `SELECT DISTINCT ON (cs.category_id) cs.category_id::text, cs.user_id::text
         FROM category_staff cs
         LEFT JOIN escalations e ON e.assignee_id = cs.user_id AND e.closed_at IS NULL
        WHERE cs.category_id = ANY($1::bigint[])
        GROUP BY cs.category_id, cs.user_id
        ORDER BY cs.category_id, count(e.id), cs.user_id`,
      [categoryIds],
    );
    const byCategory = new Map(rows.map((row) => [row.category_id, row.user_id]));
    return categoryIds.map((id) => byCategory.get(id) ?? null);
  }

  /**
   * Records breaches, each as of the deadline that was missed, with their BREACHED events at `at`: one statement for
   * any number.
   */
  async markBreached(em: EntityManager, escalationIds: readonly string[], at: Date): Promise<void> {
    await em.query(
      `WITH breached AS (
         UPDATE escalations SET breached_at = staff_due_at WHERE id = ANY($1::bigint[]) RETURNING id, question_id)
       INSERT INTO escalation_events (escalation_id, question_id, type, at)
       SELECT id, question_id, 'BREACHED', $2 FROM breached ORDER BY id`,
      [escalationIds, at],
    );
  }

  async close(em: EntityManager, escalationId: string, closeReason: EscalationCloseReason, at: Date): Promise<void> {
    await em.update(EscalationEntity, { id: escalationId }, { closedAt: at, closeReason, pausedSince: null });
  }

  /** Per question, in the order asked: its open escalation, else its latest one, else null (one statement for a page). */
  async currentForQuestions(em: EntityManager, questionIds: readonly string[]): Promise<Array<EscalationEntity | null>> {
    const rows = await em
      .getRepository(EscalationEntity)
      .createQueryBuilder('e')
      .distinctOn(['e.question_id'])
      .where('e.question_id = ANY(:questionIds)', { questionIds })
      .orderBy('e.question_id')
      .addOrderBy('e.closed_at', 'DESC', 'NULLS FIRST')
      .addOrderBy('e.id', 'DESC')
      .getMany();
    const byQuestion = new Map(rows.map((row) => [row.questionId, row]));
    return questionIds.map((id) => byQuestion.get(id) ?? null);
  }
}
