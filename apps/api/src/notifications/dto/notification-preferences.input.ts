import { Field, InputType } from '@nestjs/graphql';
import {
  type NotificationEmailPreference, NotificationEmailEnum, type NotificationKind, NotificationKindEnum,
} from '../notification.model';

@InputType()
export class NotificationKindPreferenceInput {
  @Field(() => NotificationKindEnum)
  kind!: NotificationKind;

  @Field(() => NotificationEmailEnum, { nullable: true, description: 'Null: follow notificationEmail again.' })
  email!: NotificationEmailPreference | null;
}

/** Either or both; one form on the account page sends both. */
@InputType()
export class NotificationPreferencesInput {
  @Field(() => NotificationEmailEnum, { nullable: true })
  notificationEmail?: NotificationEmailPreference | null;

  @Field(() => [NotificationKindPreferenceInput], { nullable: true, description: 'Kinds not listed keep their choice.' })
  kinds?: NotificationKindPreferenceInput[] | null;
}
