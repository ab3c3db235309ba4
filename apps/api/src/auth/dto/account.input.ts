import { Field, InputType } from '@nestjs/graphql';

@InputType()
export class ResetPasswordInput {
  @Field({ description: 'The token from the e-mailed link.' })
  token!: string;

  @Field({ description: 'At least 10 characters; not a common password, nor one containing the e-mail address.' })
  password!: string;
}

@InputType()
export class ChangePasswordInput {
  @Field()
  currentPassword!: string;

  @Field({ description: 'At least 10 characters; not a common password, nor one containing the e-mail address.' })
  newPassword!: string;
}

@InputType()
export class RequestEmailChangeInput {
  @Field()
  newEmail!: string;

  @Field()
  currentPassword!: string;
}
