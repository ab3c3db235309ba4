import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { enumOf } from '../common/enums';
import { RateModel } from '../reports/deflection-report.model';
import type { ReminderLink } from './accept-reminders.repository';
import type { ReminderChoice } from './accept-reminders.service';

export const REMINDER_CHOICES = ['ACCEPTED', 'NOT_HELPED'] as const;
export const ReminderChoiceEnum = enumOf(REMINDER_CHOICES);
registerEnumType(ReminderChoiceEnum, {
  name: 'ReminderChoice',
  description: 'ACCEPTED: the link accepts its answer. NOT_HELPED: "it did not help", the question goes to staff at once.',
});

@ObjectType('AcceptReminderLink', { description: 'What a one-click link of a reminder to accept does, before it is used.' })
export class AcceptReminderLinkModel {
  @Field(() => ID)
  questionId!: string;

  @Field()
  questionTitle!: string;

  @Field(() => ReminderChoiceEnum)
  choice!: ReminderChoice;

  @Field(() => ID, { nullable: true })
  answerId!: string | null;

  @Field(() => String, { nullable: true, description: 'The start of the answer the link accepts.' })
  answerExcerpt!: string | null;

  @Field(() => String, { nullable: true })
  answerAuthorName!: string | null;

  @Field()
  expiresAt!: Date;

  @Field(() => String, { nullable: true, description: 'Why the link no longer works (used, expired); null while it works.' })
  refusal!: string | null;
}

@ObjectType('AcceptReminderOutcome')
export class AcceptReminderOutcomeModel {
  @Field(() => ID)
  questionId!: string;

  @Field(() => ReminderChoiceEnum)
  choice!: ReminderChoice;
}

export function toAcceptReminderLinkModel(link: ReminderLink, refusal: string | null): AcceptReminderLinkModel {
  return {
    questionId: link.questionId, questionTitle: link.questionTitle, choice: link.answerId ? 'ACCEPTED' : 'NOT_HELPED', answerId: link.answerId,
    answerExcerpt: link.answerExcerpt, answerAuthorName: link.answerAuthorName, expiresAt: link.expiresAt, refusal,
  };
}

@ObjectType('AcceptReminderFigures', { description: "Reminders to accept sent (by asOf) for the report's questions, and what came of them." })
export class AcceptReminderFiguresModel {
  @Field(() => Int)
  sent!: number;

  @Field(() => RateModel, { description: 'Reminded questions with an answer accepted after the reminder, by asOf / reminders sent.' })
  ledToAcceptance!: RateModel;
}
