import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class RequestEmailChangeInput {
  @Field()
  newEmail!: string;

  @Field()
  currentPassword!: string;
}
