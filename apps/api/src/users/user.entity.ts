import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Affiliation, Role, TrustLevel } from '@peerdesk/domain';

@Entity('users')
export class UserEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** The member's IANA time zone for the times the web shows them; null: the page's default. */
  @Column({ name: 'time_zone', type: 'text', nullable: true })
  timeZone!: string | null;

  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'text' })
  role!: Role;

  @Column({ type: 'text' })
  affiliation!: Affiliation;

  @Column({ type: 'integer' })
  reputation!: number;

  @Column({ name: 'trust_level', type: 'text' })
  trustLevel!: TrustLevel;

  /** A moderator set the level by hand: automatic promotion and demotion leave it alone. */
  @Column({ name: 'trust_level_locked', type: 'boolean' })
  trustLevelLocked!: boolean;

  /** Suspended until then (packages/domain/src/standing.ts): may read and sign in, may not take part. */
  @Column({ name: 'suspended_until', type: 'timestamptz', nullable: true })
  suspendedUntil!: Date | null;

  @Column({ name: 'suspension_reason', type: 'text', nullable: true })
  suspensionReason!: string | null;

  /** Silenced until then: their posts wait for a moderator. */
  @Column({ name: 'silenced_until', type: 'timestamptz', nullable: true })
  silencedUntil!: Date | null;

  @Column({ name: 'silence_reason', type: 'text', nullable: true })
  silenceReason!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  /** Set when the member deleted their account: the row stays for their posts, without personal data. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt!: Date | null;
}
