import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ModerationReportInput {
  @Field({ description: 'Events at or after this instant.' })
  from!: Date;

  @Field({ description: 'Events before this instant (exclusive).' })
  to!: Date;

  @Field(() => String, { defaultValue: 'WEEK', description: 'DAY, WEEK (starting Monday) or MONTH; buckets are in UTC.' })
  bucket!: string;
}
