import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuthorKind, ModerationState } from '@peerdesk/domain';

@Entity('answers')
export class AnswerEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'question_id', type: 'bigint' })
  questionId!: string;

  @Column({ name: 'author_id', type: 'bigint' })
  authorId!: string;

  /** The author's affiliation when this was written, never recomputed. */
  @Column({ name: 'author_kind', type: 'text' })
  authorKind!: AuthorKind;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml!: string;

  @Column({ type: 'integer' })
  score!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  @Column({ name: 'deleted_by', type: 'bigint', nullable: true })
  deletedBy!: string | null;

  /** VISIBLE, HELD (before anyone saw it) or HIDDEN (after); see packages/domain/src/moderation.ts. */
  @Column({ name: 'moderation_state', type: 'text' })
  moderationState!: ModerationState;

  /** Why it is held or hidden, as its author reads it. */
  @Column({ name: 'moderation_reason', type: 'text', nullable: true })
  moderationReason!: string | null;

  /** False while a held post's consequences (notifications, counts, search, clocks) wait for its approval. */
  @Column({ type: 'boolean' })
  published!: boolean;
}

@Entity('answer_acceptances')
export class AnswerAcceptanceEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'question_id', type: 'bigint' })
  questionId!: string;

  @Column({ name: 'answer_id', type: 'bigint' })
  answerId!: string;

  @Column({ name: 'accepted_by', type: 'bigint' })
  acceptedBy!: string;

  @Column({ name: 'accepted_at', type: 'timestamptz' })
  acceptedAt!: Date;

  @Column({ name: 'withdrawn_by', type: 'bigint', nullable: true })
  withdrawnBy!: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;
}
