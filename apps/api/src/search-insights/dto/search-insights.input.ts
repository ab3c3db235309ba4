import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { type AskEventKind, AskEventKindEnum } from '../search-insights.model';

@ArgsType()
export class SearchGapsArgs {
  @Field({ description: 'Start of the period (inclusive); counted by UTC day.' })
  from!: Date;

  @Field({ description: 'End of the period (exclusive).' })
  to!: Date;

  @Field(() => Int, { defaultValue: 20, description: 'At most 100.' })
  first!: number;
}

@InputType()
export class RecordAskEventInput {
  @Field(() => ID, { description: 'Opaque random id the ask page makes per attempt: 16–64 characters of A–Z, a–z, 0–9, _ or -.' })
  askSessionId!: string;

  @Field(() => AskEventKindEnum)
  kind!: AskEventKind;

  @Field(() => ID, { nullable: true, description: 'The suggestion opened (SUGGESTION_OPENED only).' })
  questionId?: string;

  @Field(() => Int, { nullable: true, description: 'How many suggestions were shown (SUGGESTIONS_SHOWN only, 1–5).' })
  suggestionCount?: number;
}
