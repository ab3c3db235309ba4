import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';

@InputType()
export class PostAnswerInput {
  @Field(() => ID)
  questionId!: string;

  @Field({ description: 'Markdown.' })
  body!: string;
}

@InputType()
export class EditAnswerInput {
  @Field(() => ID)
  id!: string;

  @Field()
  body!: string;

  @Field({ nullable: true, description: "Why (kept in the answer's edit history); required when editing someone else's answer." })
  reason?: string;
}

@ArgsType()
export class UserAnswersArgs {
  @Field(() => Int, { defaultValue: 10 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string;

  @Field({ defaultValue: false, description: "Only answers that are their question's accepted answer now." })
  acceptedOnly!: boolean;
}
