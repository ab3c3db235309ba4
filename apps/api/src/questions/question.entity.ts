import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CloseReason, ModerationState, ThreadStatus, TimeoutReason } from '@peerdesk/domain';

@Entity('questions')
export class QuestionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'category_id', type: 'bigint' })
  categoryId!: string;

  @Column({ name: 'author_id', type: 'bigint' })
  authorId!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml!: string;

  @Column({ type: 'text', array: true })
  tags!: string[];

  @Column({ type: 'text' })
  status!: ThreadStatus;

  @Column({ type: 'integer' })
  score!: number;

  @Column({ name: 'view_count', type: 'integer' })
  viewCount!: number;

  /** Live (not deleted) answers. */
  @Column({ name: 'answer_count', type: 'integer' })
  answerCount!: number;

  @Column({ name: 'accepted_answer_id', type: 'bigint', nullable: true })
  acceptedAnswerId!: string | null;

  @Column({ name: 'solved_at', type: 'timestamptz', nullable: true })
  solvedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'last_activity_at', type: 'timestamptz' })
  lastActivityAt!: Date;

  @Column({ name: 'is_first_question', type: 'boolean' })
  isFirstQuestion!: boolean;

  /** Staff answers never set this: only peer help stops the unanswered clock. */
  @Column({ name: 'has_peer_answer', type: 'boolean' })
  hasPeerAnswer!: boolean;

  @Column({ name: 'community_due_at', type: 'timestamptz', nullable: true })
  communityDueAt!: Date | null;

  @Column({ name: 'community_due_trigger', type: 'text', nullable: true })
  communityDueTrigger!: TimeoutReason | null;

  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;

  /** VISIBLE, HELD (before anyone saw it) or HIDDEN (after); see packages/domain/src/moderation.ts. */
  @Column({ name: 'moderation_state', type: 'text' })
  moderationState!: ModerationState;

  /** Why it is held or hidden, as its author reads it. */
  @Column({ name: 'moderation_reason', type: 'text', nullable: true })
  moderationReason!: string | null;

  /** False while a held post's consequences (notifications, counts, search, clocks) wait for its approval. */
  @Column({ type: 'boolean' })
  published!: boolean;

  /** When a held question was approved (its community clock counts from then); null: public when asked. */
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  /** Set while a moderator has locked the question: no new answers or comments (packages/domain checkThreadTakesPosts). */
  @Column({ name: 'locked_at', type: 'timestamptz', nullable: true })
  lockedAt!: Date | null;

  @Column({ name: 'lock_reason', type: 'text', nullable: true })
  lockReason!: string | null;

  /** Why a CLOSED question is closed (DUPLICATE: marked a duplicate); null when open, or closed before reasons were kept. */
  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason!: CloseReason | null;

  @Column({ name: 'close_note', type: 'text', nullable: true })
  closeNote!: string | null;

  /** When a moderator last reopened it; null: never (auto-close leaves a question reopened after its acceptance open). */
  @Column({ name: 'reopened_at', type: 'timestamptz', nullable: true })
  reopenedAt!: Date | null;

  /** Pinned to the top of its category's list since then; null: not pinned. */
  @Column({ name: 'pinned_at', type: 'timestamptz', nullable: true })
  pinnedAt!: Date | null;
}
