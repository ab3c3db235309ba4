import { Field, ID, InputType } from '@nestjs/graphql';

@InputType()
export class DeflectionReportInput {
  @Field({ description: 'Cohort: questions asked at or after this instant.' })
  from!: Date;

  @Field({ description: 'Cohort: questions asked before this instant (exclusive).' })
  to!: Date;

  @Field(() => Date, { nullable: true, description: 'Each question is judged as it stood at this instant; default now.' })
  asOf?: Date | null;

  @Field(() => ID, { nullable: true })
  categoryId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only questions carrying this tag.' })
  tag?: string | null;

  @Field(() => String, { defaultValue: 'WEEK', description: 'DAY, WEEK (starting Monday) or MONTH; buckets are in UTC.' })
  bucket!: string;
}
