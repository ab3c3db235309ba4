import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Affiliation, Role } from '@peerdesk/domain';
import { AffiliationEnum, RoleEnum } from '../common/enums';
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

  @Field()
  createdAt!: Date;
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
    createdAt: user.createdAt,
  };
}
