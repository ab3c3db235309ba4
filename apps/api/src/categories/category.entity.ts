import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { BusinessCalendar } from '@peerdesk/domain';

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

  @Column({ name: 'unsolved_window_hours', type: 'integer' })
  unsolvedWindowHours!: number;

  @Column({ name: 'fast_lane_peer_window_hours', type: 'integer', nullable: true })
  fastLanePeerWindowHours!: number | null;

  /** Days after its acceptance a solved question closes by itself; null: never. */
  @Column({ name: 'solved_auto_close_days', type: 'integer', nullable: true })
  solvedAutoCloseDays!: number | null;

  /** The staff clock's working hours (a BusinessCalendar from @peerdesk/domain). */
  @Column({ name: 'business_calendar', type: 'jsonb' })
  businessCalendar!: BusinessCalendar;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
