import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { VoteTargetTypeEnum } from '../../common/enums';
import type { VoteTargetType } from '../vote.entity';

@InputType()
export class VoteInput {
  @Field(() => VoteTargetTypeEnum)
  targetType!: VoteTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => Int, { description: '1 up, -1 down, 0 takes your vote back.' })
  value!: number;
}
