import { ArgsType, Field, ID } from '@nestjs/graphql';
import type { TrustLevel } from '@peerdesk/domain';
import { TrustLevelEnum } from '../../common/enums';

@ArgsType()
export class SetTrustLevelArgs {
  @Field(() => ID)
  userId!: string;

  @Field(() => TrustLevelEnum)
  level!: TrustLevel;

  @Field({ description: 'Why, in a sentence: kept in the audit log.' })
  reason!: string;
}
