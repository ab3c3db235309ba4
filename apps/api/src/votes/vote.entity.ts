import { Column, Entity, PrimaryColumn } from 'typeorm';

export type VoteTargetType = 'QUESTION' | 'ANSWER';

@Entity('votes')
export class VoteEntity {
  @PrimaryColumn({ name: 'user_id', type: 'bigint' })
  userId!: string;

  @PrimaryColumn({ name: 'target_type', type: 'text' })
  targetType!: VoteTargetType;

  @PrimaryColumn({ name: 'target_id', type: 'bigint' })
  targetId!: string;

  @Column({ type: 'smallint' })
  value!: -1 | 1;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
