import { Field, ObjectType } from '@nestjs/graphql';
import type { AnnouncementRow } from './announcement.repository';

@ObjectType('Announcement', { description: 'A service announcement (outages, known issues): the site-wide one on the home page, or one pinned in a category on its page.' })
export class AnnouncementModel {
  @Field()
  message!: string;

  @Field()
  updatedAt!: Date;
}

export function toAnnouncementModel(announcement: AnnouncementRow): AnnouncementModel {
  return { message: announcement.message, updatedAt: announcement.updatedAt };
}
