import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { VoteTargetTypeEnum } from '../common/enums';
import type { VoteTargetType } from './vote.entity';
import type { VoteResult } from './votes.service';

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

export function toVoteResultModel(result: VoteResult): VoteResultModel {
  return { targetType: result.targetType, targetId: result.targetId, score: result.score, viewerVote: result.viewerVote };
}
