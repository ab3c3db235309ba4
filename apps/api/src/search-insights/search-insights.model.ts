import { Field, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { enumOf } from '../common/enums';

export const ASK_EVENT_KINDS = ['SUGGESTIONS_SHOWN', 'SUGGESTION_OPENED'] as const;
export type AskEventKind = typeof ASK_EVENT_KINDS[number];
export const AskEventKindEnum = enumOf(ASK_EVENT_KINDS);
registerEnumType(AskEventKindEnum, {
  name: 'AskEventKind',
  description: 'What happened on the ask form: similar questions were shown, or one of them was opened.',
});

@ObjectType('SearchGap', { description: 'A query people keep searching for with poor results (at most 2): content the community is missing.' })
export class SearchGapModel {
  @Field({ description: 'Lower-cased, whitespace collapsed.' })
  query!: string;

  @Field(() => Int, { description: 'Searches in the period that found at most 2 results.' })
  searches!: number;

  @Field(() => Int, { description: 'Of those, searches that found nothing.' })
  zeroResults!: number;

  @Field(() => Int, { description: 'Results the latest search in the period found.' })
  lastTotal!: number;

  @Field()
  lastSeenAt!: Date;
}

@ObjectType('PreAskDeflection', {
  description: 'Asks avoided by search on the ask form: counted apart from peer deflection and never added into peerDeflectionRate. Ask sessions started in the period.',
})
export class PreAskDeflectionModel {
  @Field(() => Int, { description: 'Ask sessions that were shown similar questions.' })
  sessionsShownSuggestions!: number;

  @Field(() => Int, { description: 'Ask sessions that opened a suggestion.' })
  sessionsOpenedSuggestion!: number;

  @Field(() => Int, { description: 'Ask sessions that opened a suggestion that was SOLVED when opened.' })
  sessionsOpenedSolvedSuggestion!: number;

  @Field(() => Int, { description: 'Ask sessions whose viewer posted a question by asOf.' })
  sessionsPosted!: number;

  @Field(() => Int, { description: 'Sessions that opened a solved suggestion and did not post within 30 minutes of the last such opening (30 minutes passed by asOf).' })
  asksAvoided!: number;
}
