import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type Affiliation, can, type RestrictionColumns, type Role, type TrustLevel } from '@peerdesk/domain';
import { AffiliationEnum, RoleEnum, TrustLevelEnum } from '../common/enums';
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

  @Field(() => RoleEnum)
  role!: Role;

  @Field(() => AffiliationEnum)
  affiliation!: Affiliation;

  @Field({ description: 'True for employees: their posts carry a "Staff" label.' })
  isEmployee!: boolean;

  @Field(() => Int)
  reputation!: number;

  @Field(() => TrustLevelEnum, { description: 'What the community has seen of the member (packages/domain/src/trust-levels.ts).' })
  trustLevel!: TrustLevel;

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

export function toUserModel(user: UserEntity, viewer: Viewer | null): UserModel {
  const seesEmail = viewer !== null && (viewer.id === user.id || viewer.role === 'ADMIN');
  return {
    id: user.id,
    displayName: user.displayName,
    email: seesEmail ? user.email : null,
    role: user.role,
    affiliation: user.affiliation,
    isEmployee: user.affiliation === 'EMPLOYEE',
    reputation: user.reputation,
    trustLevel: user.trustLevel,
    createdAt: user.createdAt,
    deletedAt: user.deletedAt,
    restrictions: seesStanding(user, viewer)
      ? { suspendedUntil: user.suspendedUntil, suspensionReason: user.suspensionReason, silencedUntil: user.silencedUntil, silenceReason: user.silenceReason }
      : null,
  };
}
