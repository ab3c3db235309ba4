import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type PostType = 'QUESTION' | 'ANSWER';

/** The text a post had before an edit; the newest text lives on the post itself. */
@Entity('post_revisions')
export class PostRevisionEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ name: 'post_type', type: 'text' })
  postType!: PostType;

  @Column({ name: 'post_id', type: 'bigint' })
  postId!: string;

  @Column({ name: 'editor_id', type: 'bigint', nullable: true })
  editorId!: string | null;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'text', array: true, nullable: true })
  tags!: string[] | null;

  /** When the edit that replaced this text was made. */
  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** Why the editor made that edit; required of moderators editing someone else's post. */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;
}
