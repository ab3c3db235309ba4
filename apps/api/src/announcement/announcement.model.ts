import { Field, ObjectType } from '@nestjs/graphql';
import type { AnnouncementRow } from './announcement.repository';

@ObjectType('Announcement', { description: 'The service announcement shown on the home page (outages, known issues).' })
export class AnnouncementModel {
  @Field()
  message!: string;

  @Field()
  updatedAt!: Date;
}

export function toAnnouncementModel(announcement: AnnouncementRow): AnnouncementModel {
  return { message: announcement.message, updatedAt: announcement.updatedAt };
}
