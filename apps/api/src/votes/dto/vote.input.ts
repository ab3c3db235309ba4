import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
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

@ObjectType('VoteResult')
export class VoteResultModel {
  @Field(() => VoteTargetTypeEnum)
  targetType!: VoteTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => Int, { description: "The post's score after this vote." })
  score!: number;

  @Field(() => Int, { description: "The viewer's vote now: 1, -1 or 0." })
  viewerVote!: number;
}
