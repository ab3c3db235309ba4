import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import type { FlagReason, FlagTargetType, ReviewReason, ReviewState } from '@peerdesk/domain';
import { FlagReasonEnum, FlagTargetTypeEnum, ReviewReasonEnum, ReviewStateEnum } from '../review.model';

@InputType()
export class FlagInput {
  @Field(() => FlagTargetTypeEnum)
  targetType!: FlagTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => FlagReasonEnum)
  reason!: FlagReason;

  @Field(() => String, { nullable: true, description: 'Required for OTHER; at most 500 characters.' })
  note?: string | null;
}

@InputType()
export class ReviewQueueFilter {
  @Field(() => ReviewStateEnum, { nullable: true, description: 'Default OPEN.' })
  state?: ReviewState | null;

  @Field(() => ReviewReasonEnum, { nullable: true })
  reason?: ReviewReason | null;

  @Field(() => FlagTargetTypeEnum, { nullable: true })
  targetType?: FlagTargetType | null;

  @Field(() => FlagReasonEnum, { nullable: true, description: 'Only items with a flag of this reason (NEEDS_STAFF: for our team).' })
  flagReason?: FlagReason | null;
}

@ArgsType()
export class ReviewQueueArgs {
  @Field(() => ReviewQueueFilter, { nullable: true })
  filter?: ReviewQueueFilter | null;

  @Field(() => Int, { defaultValue: 20 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
