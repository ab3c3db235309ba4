import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AuthorKind } from '@peerdesk/domain';

/** The one private conversation of a question between its asker and our team; open until staff resolve it. */
@Entity('private_conversations')
export class PrivateConversationEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'question_id', type: 'bigint' })
  questionId!: string;

  @Column({ name: 'opened_by', type: 'bigint' })
  openedBy!: string;

  @Column({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'bigint', nullable: true })
  resolvedBy!: string | null;

  /** What staff wrote when resolving it, for the team; the public summary, when there is one, is an answer. */
  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote!: string | null;
}

/** A message in a private conversation: seen by the asker and employees only, never indexed, never sent to webhooks. */
@Entity('private_messages')
export class PrivateMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'conversation_id', type: 'bigint' })
  conversationId!: string;

  @Column({ name: 'question_id', type: 'bigint' })
  questionId!: string;

  @Column({ name: 'author_id', type: 'bigint' })
  authorId!: string;

  /** The author's affiliation when this was written: a STAFF message is a staff response. */
  @Column({ name: 'author_kind', type: 'text' })
  authorKind!: AuthorKind;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
