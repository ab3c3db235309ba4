import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import type { Role, TrustLevel } from '@peerdesk/domain';
import { RoleEnum, TrustLevelEnum } from '../../common/enums';

@InputType()
export class UsersFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of a display name or of an e-mail address, any letter case.' })
  query?: string | null;

  @Field(() => RoleEnum, { nullable: true })
  role?: Role | null;

  @Field(() => TrustLevelEnum, { nullable: true })
  trustLevel?: TrustLevel | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only those suspended now; false: only those who are not.' })
  suspended?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only those silenced now; false: only those who are not.' })
  silenced?: boolean | null;

  @Field({ defaultValue: false, description: 'Include deleted accounts (left out by default).' })
  includeDeleted!: boolean;
}

@ArgsType()
export class UsersArgs {
  @Field(() => UsersFilterInput, { nullable: true })
  filter?: UsersFilterInput | null;

  @Field(() => Int, { defaultValue: 20 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@ArgsType()
export class RestrainUserArgs {
  @Field(() => ID)
  userId!: string;

  @Field({ description: 'When it ends by itself; after now.' })
  until!: Date;

  @Field({ description: 'Why, in words the member reads while it lasts; recorded in the audit log.' })
  reason!: string;
}

@ArgsType()
export class LiftRestraintArgs {
  @Field(() => ID)
  userId!: string;

  @Field(() => String, { nullable: true, description: 'Why it ends early, for the audit log.' })
  reason?: string | null;
}
