import { Field, InputType } from '@nestjs/graphql';
import { type NotificationEmailPreference, NotificationEmailEnum } from '../notification.model';

@InputType()
export class NotificationPreferencesInput {
  @Field(() => NotificationEmailEnum)
  notificationEmail!: NotificationEmailPreference;
}
