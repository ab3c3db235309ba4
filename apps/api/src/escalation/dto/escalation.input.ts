import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import type { StaffQueueState } from '@peerdesk/domain';
import { StaffQueueStateEnum } from '../escalation.model';

@InputType()
export class StaffQueueFilter {
  @Field(() => ID, { nullable: true })
  categoryId?: string;

  @Field(() => ID, { nullable: true })
  assigneeId?: string;

  @Field(() => StaffQueueStateEnum, { nullable: true })
  state?: StaffQueueState;

  @Field(() => Boolean, {
    nullable: true,
    description: "Only the categories whose staff team the viewer is in; every category when the viewer is in no team.",
  })
  mine?: boolean;
}

@ArgsType()
export class StaffQueueArgs {
  @Field(() => StaffQueueFilter, { nullable: true })
  filter?: StaffQueueFilter;

  @Field(() => String, { defaultValue: 'DUE_AT', description: 'DUE_AT: soonest deadline first; paused ones last.' })
  orderBy!: string;

  @Field(() => Int, { defaultValue: 20 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string;
}
