import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { EscalationReason } from '@peerdesk/domain';

export type EscalationCloseReason = 'SOLVED' | 'RETURNED_TO_COMMUNITY' | 'CLOSED';

@Entity('escalations')
export class EscalationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'question_id', type: 'bigint' })
  questionId!: string;

  @Column({ type: 'text' })
  reason!: EscalationReason;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  /** Null when the sweep escalated it. */
  @Column({ name: 'escalated_by', type: 'bigint', nullable: true })
  escalatedBy!: string | null;

  @Column({ name: 'escalated_at', type: 'timestamptz' })
  escalatedAt!: Date;

  /** The category's staff response time when escalated, so a later policy change moves no deadline. */
  @Column({ name: 'staff_response_hours', type: 'integer' })
  staffResponseHours!: number;

  /** Null while paused (waiting on the asker). */
  @Column({ name: 'staff_due_at', type: 'timestamptz', nullable: true })
  staffDueAt!: Date | null;

  @Column({ name: 'paused_since', type: 'timestamptz', nullable: true })
  pausedSince!: Date | null;

  @Column({ name: 'assignee_id', type: 'bigint', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'first_staff_response_at', type: 'timestamptz', nullable: true })
  firstStaffResponseAt!: Date | null;

  @Column({ name: 'first_staff_responder_id', type: 'bigint', nullable: true })
  firstStaffResponderId!: string | null;

  /** The latest needs-info request (what staff asked the asker, when, by whom); kept after the asker replies. */
  @Column({ name: 'needs_info_note', type: 'text', nullable: true })
  needsInfoNote!: string | null;

  @Column({ name: 'needs_info_asked_at', type: 'timestamptz', nullable: true })
  needsInfoAskedAt!: Date | null;

  @Column({ name: 'needs_info_asked_by', type: 'bigint', nullable: true })
  needsInfoAskedBy!: string | null;

  /** When the asker replied to the latest request; null while still waiting on them. */
  @Column({ name: 'asker_replied_at', type: 'timestamptz', nullable: true })
  askerRepliedAt!: Date | null;

  /** The comment they replied with; null for an edit or a private message. */
  @Column({ name: 'asker_reply_comment_id', type: 'bigint', nullable: true })
  askerReplyCommentId!: string | null;

  @Column({ name: 'breached_at', type: 'timestamptz', nullable: true })
  breachedAt!: Date | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason!: EscalationCloseReason | null;
}

export type EscalationEventType =
  | 'ESCALATED' | 'ASSIGNED' | 'RELEASED' | 'NEEDS_INFO' | 'RESUMED' | 'STAFF_RESPONDED' | 'BREACHED'
  | 'RETURNED_TO_COMMUNITY' | 'SOLVED' | 'CLOSED';

/** Append-only: never updated, never deleted. */
@Entity('escalation_events')
export class EscalationEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'escalation_id', type: 'bigint' })
  escalationId!: string;

  @Column({ name: 'question_id', type: 'bigint' })
  questionId!: string;

  @Column({ type: 'text' })
  type!: EscalationEventType;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'actor_id', type: 'bigint', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;
}

@Entity('escalation_pauses')
export class EscalationPauseEntity {
  @PrimaryColumn({ name: 'escalation_id', type: 'bigint' })
  escalationId!: string;

  @PrimaryColumn({ name: 'paused_at', type: 'timestamptz' })
  pausedAt!: Date;

  @Column({ name: 'resumed_at', type: 'timestamptz', nullable: true })
  resumedAt!: Date | null;
}
