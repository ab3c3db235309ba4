import { Field, ID, InputType } from '@nestjs/graphql';

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
}
