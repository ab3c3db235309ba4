import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLJSONObject } from '../common/json.scalar';
import { ConnectionOf } from '../common/pagination';
import { enumOf } from '../common/enums';

export const NOTIFICATION_KINDS = [
  'ANSWER_POSTED',
  'ANSWER_ACCEPTED',
  'QUESTION_ESCALATED',
  'ESCALATION_ASSIGNED',
  'ESCALATION_BREACHED',
  'QUESTION_ASKED',
  'POST_MODERATED',
  'FLAGGED_FOR_STAFF',
  'COMMENT_POSTED',
  'MENTIONED',
  'PRIVATE_MESSAGE',
  'NEEDS_INFO',
  'ASKER_REPLIED',
  /** The asker of a question with peer answers and none accepted, after ACCEPT_REMINDER_HOURS (reminders module). */
  'ACCEPT_REMINDER',
] as const;
export type NotificationKind = typeof NOTIFICATION_KINDS[number];

export const NOTIFICATION_EMAIL_PREFERENCES = ['IN_APP_ONLY', 'IMMEDIATE', 'DAILY_DIGEST'] as const;
export type NotificationEmailPreference = typeof NOTIFICATION_EMAIL_PREFERENCES[number];

/**
 * Our team answering the asker's own request for help: mailed at once while the member has made no choice for the
 * kind, whatever their usual choice (a customer waiting on staff should not have to open the site to find out).
 */
export const EMAILED_AT_ONCE_BY_DEFAULT: readonly NotificationKind[] = ['NEEDS_INFO', 'PRIVATE_MESSAGE'];

/** What a kind follows while the member has made no choice of its own for it. */
export function defaultEmailFor(kind: NotificationKind, usual: NotificationEmailPreference): NotificationEmailPreference {
  return EMAILED_AT_ONCE_BY_DEFAULT.includes(kind) ? 'IMMEDIATE' : usual;
}

export const NotificationKindEnum = enumOf(NOTIFICATION_KINDS);
export const NotificationEmailEnum = enumOf(NOTIFICATION_EMAIL_PREFERENCES);

registerEnumType(NotificationKindEnum, { name: 'NotificationKind' });
registerEnumType(NotificationEmailEnum, {
  name: 'NotificationEmail',
  description: 'IN_APP_ONLY: no e-mail. IMMEDIATE: one e-mail per notification. DAILY_DIGEST: one e-mail a day listing unread notifications.',
});

/** A row of `notifications` as the repository reads it. */
export interface NotificationRow {
  id: string;
  user_id: string;
  kind: NotificationKind;
  question_id: string | null;
  actor_id: string | null;
  payload: NotificationPayload;
  created_at: Date;
  read_at: Date | null;
}

/** What every notification carries, whatever its kind; kinds add their own facts (answerId, staffDueAt…). */
export interface NotificationPayload {
  /** One line for the person, as shown in the app and as the e-mail subject. */
  message: string;
  questionTitle?: string;
  [key: string]: unknown;
}

@ObjectType('Notification')
export class NotificationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => NotificationKindEnum)
  kind!: NotificationKind;

  @Field({ description: 'One line for the person, e.g. "Our team will answer by Tue, 25 Nov 2025, 14:00 UTC."' })
  message!: string;

  @Field(() => GraphQLJSONObject, { description: 'The facts behind the message (answerId, staffDueAt, reason…), by kind.' })
  payload!: Record<string, unknown>;

  @Field()
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  readAt!: Date | null;

  @Field()
  isRead!: boolean;

  // Resolved by field resolvers (question, actor).
  questionId!: string | null;
  actorId!: string | null;
}

export function toNotificationModel(row: NotificationRow): NotificationModel {
  return {
    id: row.id,
    kind: row.kind,
    message: row.payload.message,
    payload: row.payload,
    createdAt: row.created_at,
    readAt: row.read_at,
    isRead: row.read_at !== null,
    questionId: row.question_id,
    actorId: row.actor_id,
  };
}

export const NotificationConnection = ConnectionOf(NotificationModel, 'Notification');

@ObjectType('NotificationKindPreference')
export class NotificationKindPreferenceModel {
  @Field(() => NotificationKindEnum)
  kind!: NotificationKind;

  @Field(() => NotificationEmailEnum, { nullable: true, description: 'Null: this kind follows defaultEmail.' })
  email!: NotificationEmailPreference | null;

  @Field(() => NotificationEmailEnum, {
    description: "What this kind follows while email is null: notificationEmail, except that our team's requests and private messages to an asker are e-mailed at once.",
  })
  defaultEmail!: NotificationEmailPreference;
}

@ObjectType('NotificationPreferences')
export class NotificationPreferencesModel {
  @Field(() => NotificationEmailEnum, { description: 'The default, for every kind without its own choice.' })
  notificationEmail!: NotificationEmailPreference;

  @Field(() => [NotificationKindPreferenceModel], { description: 'Every notification kind, with its own choice if there is one.' })
  kinds!: NotificationKindPreferenceModel[];
}

@ObjectType('MentionSuggestion', { description: 'A member to @mention: `token` is what goes in the text (`@Ann_Lee#42`).' })
export class MentionSuggestionModel {
  @Field(() => ID)
  userId!: string;

  @Field()
  displayName!: string;

  @Field()
  token!: string;
}
