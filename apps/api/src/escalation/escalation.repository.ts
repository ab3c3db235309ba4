import { Injectable } from '@nestjs/common';
import { type EntityManager, IsNull } from 'typeorm';
import type { EscalationReason, StaffClockPause, TimeoutReason } from '@peerdesk/domain';
import { EscalationEntity, EscalationEventEntity, type EscalationEventType, EscalationPauseEntity } from './escalation.entity';

@Injectable()
export class EscalationRepository {
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

  async insert(em: EntityManager, escalation: Omit<EscalationEntity, 'id' | 'pausedSince' | 'assigneeId' | 'firstStaffResponseAt' | 'breachedAt' | 'closedAt' | 'closeReason'>): Promise<EscalationEntity> {
    const result = await em.insert(EscalationEntity, escalation);
    return em.findOneByOrFail(EscalationEntity, { id: String(result.identifiers[0].id) });
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

  async openPause(em: EntityManager, escalationId: string, at: Date): Promise<void> {
    await em.insert(EscalationPauseEntity, { escalationId, pausedAt: at, resumedAt: null });
  }

  async closePause(em: EntityManager, escalationId: string, at: Date): Promise<void> {
    await em.update(EscalationPauseEntity, { escalationId, resumedAt: IsNull() }, { resumedAt: at });
  }

  events(em: EntityManager, questionId: string): Promise<EscalationEventEntity[]> {
    return em.find(EscalationEventEntity, { where: { questionId }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** The open escalation of a question, else its latest one. */
  async currentFor(em: EntityManager, questionId: string): Promise<EscalationEntity | null> {
    return em.findOne(EscalationEntity, { where: { questionId }, order: { closedAt: { direction: 'DESC', nulls: 'FIRST' }, id: 'DESC' } });
  }
}
