import { Field, ID, InputType, Int } from '@nestjs/graphql';
import type { BusinessCalendar } from '@peerdesk/domain';
import { GraphQLJSONObject } from '../../common/json.scalar';

@InputType()
export class CreateCategoryInput {
  @Field()
  name!: string;

  @Field({ description: 'Lower-case words joined by hyphens; part of the category address.' })
  slug!: string;

  @Field({ nullable: true, defaultValue: '' })
  description!: string;

  @Field(() => Int, { defaultValue: 24, description: 'Hours the community has to help before staff step in (1–720).' })
  peerWindowHours!: number;

  @Field(() => Int, { defaultValue: 4, description: 'Business hours staff have to respond once escalated (1–720).' })
  staffResponseHours!: number;

  @Field(() => Int, { defaultValue: 72, description: 'Hours a peer-answered question may stay unsolved before staff step in (1–720).' })
  unsolvedWindowHours?: number;

  @Field(() => Int, { nullable: true, description: "A shorter peer window for a member's first question (1–720); null: off." })
  fastLanePeerWindowHours?: number | null;

  @Field(() => Int, { nullable: true, description: 'Days after its acceptance a solved question closes by itself (1–3650); null: never.' })
  solvedAutoCloseDays?: number | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Staff working hours; default Europe/Dublin, Mon–Fri 09:00–17:00.' })
  businessCalendar?: BusinessCalendar;
}

@InputType()
export class UpdateCategoryInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  slug?: string;

  @Field({ nullable: true })
  description?: string;

  @Field(() => Int, { nullable: true })
  peerWindowHours?: number;

  @Field(() => Int, { nullable: true })
  staffResponseHours?: number;

  @Field(() => Int, { nullable: true })
  unsolvedWindowHours?: number;

  @Field(() => Int, { nullable: true, description: 'Send 0 to turn the fast lane off.' })
  fastLanePeerWindowHours?: number;

  @Field(() => Int, { nullable: true, description: 'Days after its acceptance a solved question closes by itself (1–3650); send 0 to turn auto-close off.' })
  solvedAutoCloseDays?: number;

  @Field(() => GraphQLJSONObject, { nullable: true })
  businessCalendar?: BusinessCalendar;
}
