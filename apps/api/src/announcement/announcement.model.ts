import { Field, ObjectType } from '@nestjs/graphql';

@ObjectType('Announcement', { description: 'The service announcement shown on the home page (outages, known issues).' })
export class AnnouncementModel {
  @Field()
  message!: string;

  @Field()
  updatedAt!: Date;
}
