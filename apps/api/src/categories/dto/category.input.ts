import { Field, ID, InputType, Int } from '@nestjs/graphql';

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
}
