import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type Affiliation, can, describeReputationChange, type ReputationKind, type RestrictionColumns, type Role, type TrustLevel } from '@peerdesk/domain';
import { AffiliationEnum, ReputationKindEnum, RoleEnum, TrustLevelEnum } from '../common/enums';
import { ConnectionOf } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import type { UserEntity } from './user.entity';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id!: string;

  @Field()
  displayName!: string;

  @Field(() => String, { nullable: true, description: 'Only the user themself and admins see it.' })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'The IANA zone the member reads times in; only the user themself sees it (null: not set).' })
  timeZone!: string | null;

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => AffiliationEnum)
  affiliation!: Affiliation;

  @Field({ description: 'True for employees: their posts carry a "Staff" label.' })
  isEmployee!: boolean;

  @Field(() => Int, { description: 'The sum of the reputation ledger (reputationHistory).' })
  reputation!: number;

  @Field(() => TrustLevelEnum, { description: 'Public, as on a Discourse profile: what the community has seen of the member (NEW to LEADER).' })
  trustLevel!: TrustLevel;

  @Field(() => Boolean, { nullable: true, description: 'Set by hand, so automatic promotion leaves it alone; only for those who may set trust levels (null for others).' })
  trustLevelLocked!: boolean | null;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the member deleted their account; null for a live one.' })
  deletedAt!: Date | null;

  /**
   * The stored suspension and silence, for the `suspension` and `silence` fields (users.resolver.ts), which
   * read them at the clock's now; null where the viewer may not see them (not a schema field).
   */
  restrictions!: RestrictionColumns | null;
}

/** A suspension or a silence in force. */
@ObjectType('Restriction')
export class RestrictionModel {
  @Field({ description: 'When it ends by itself.' })
  until!: Date;

  @Field({ description: "The moderator's reason, as the member reads it." })
  reason!: string;
}

export const UserConnection = ConnectionOf(UserModel, 'User');

/** Who may see a user's suspension and silence: the user themself and those who manage users. */
export function seesStanding(user: { id: string }, viewer: Viewer | null): boolean {
  return viewer !== null && (viewer.id === user.id || can(viewer.role, 'manage_users'));
}

@ObjectType('ReputationChange', { description: 'One row of a member\'s reputation ledger: how much, why, on which post, when.' })
export class ReputationChangeModel {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  delta!: number;

  @Field(() => ReputationKindEnum)
  kind!: ReputationKind;

  @Field(() => ID, { nullable: true, description: 'The question the change is about (or the one the answer is on).' })
  questionId!: string | null;

  @Field(() => String, { nullable: true, description: 'Its title; null when there is none or it was deleted.' })
  questionTitle!: string | null;

  @Field(() => ID, { nullable: true })
  answerId!: string | null;

  @Field({ description: 'The line a profile shows, e.g. "+15 accepted answer on “Router drops at 8pm”".' })
  summary!: string;

  @Field()
  at!: Date;
}

export const ReputationChangeConnection = ConnectionOf(ReputationChangeModel, 'ReputationChange');

export function toReputationChangeModel(row: { id: string; delta: number; kind: ReputationKind; questionId: string | null; questionTitle: string | null; answerId: string | null; at: Date }): ReputationChangeModel {
  return { ...row, summary: describeReputationChange(row) };
}

export function toUserModel(user: UserEntity, viewer: Viewer | null): UserModel {
  const seesEmail = viewer !== null && (viewer.id === user.id || viewer.role === 'ADMIN');
  return {
    id: user.id,
    displayName: user.displayName,
    email: seesEmail ? user.email : null,
    timeZone: viewer?.id === user.id ? user.timeZone : null,
    role: user.role,
    affiliation: user.affiliation,
    isEmployee: user.affiliation === 'EMPLOYEE',
    reputation: user.reputation,
    trustLevel: user.trustLevel,
    trustLevelLocked: viewer !== null && can(viewer.role, 'set_trust_level') ? user.trustLevelLocked : null,
    createdAt: user.createdAt,
    deletedAt: user.deletedAt,
    restrictions: seesStanding(user, viewer)
      ? { suspendedUntil: user.suspendedUntil, suspensionReason: user.suspensionReason, silencedUntil: user.silencedUntil, silenceReason: user.silenceReason }
      : null,
  };
}
