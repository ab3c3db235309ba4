import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuthorKind, ModerationState } from '@peerdesk/domain';
import type { PostTargetType } from '../common/enums';

/** A short remark on a question or an answer; it belongs to the question's thread either way. */
@Entity('comments')
export class CommentEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  /** The thread: the question itself, or the question of the answer commented on. */
  @Column({ name: 'question_id', type: 'bigint' })
  questionId!: string;

  @Column({ name: 'target_type', type: 'text' })
  targetType!: PostTargetType;

  @Column({ name: 'target_id', type: 'bigint' })
  targetId!: string;

  @Column({ name: 'author_id', type: 'bigint' })
  authorId!: string;

  /** The author's affiliation when this was written, never recomputed. */
  @Column({ name: 'author_kind', type: 'text' })
  authorKind!: AuthorKind;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml!: string;

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
