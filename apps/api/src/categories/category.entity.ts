import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('categories')
export class CategoryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  description!: string;

  @Column({ name: 'peer_window_hours', type: 'integer' })
  peerWindowHours!: number;

  @Column({ name: 'staff_response_hours', type: 'integer' })
  staffResponseHours!: number;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
