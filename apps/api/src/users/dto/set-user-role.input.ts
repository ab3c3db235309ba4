import { ArgsType, Field, ID } from '@nestjs/graphql';
import type { Affiliation, Role } from '@peerdesk/domain';
import { AffiliationEnum, RoleEnum } from '../../common/enums';

@ArgsType()
export class SetUserRoleArgs {
  @Field(() => ID)
  userId!: string;

  @Field(() => RoleEnum)
  role!: Role;
}

@ArgsType()
export class SetUserAffiliationArgs {
  @Field(() => ID)
  userId!: string;

  @Field(() => AffiliationEnum)
  affiliation!: Affiliation;
}
