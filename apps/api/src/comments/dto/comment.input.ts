import { Field, ID, InputType } from '@nestjs/graphql';
import { type PostTargetType, PostTargetTypeEnum } from '../../common/enums';

@InputType()
export class PostCommentInput {
  @Field(() => PostTargetTypeEnum)
  targetType!: PostTargetType;

  @Field(() => ID, { description: 'The question or answer to comment on.' })
  targetId!: string;

  @Field({ description: 'Markdown.' })
  body!: string;
}

@InputType()
export class EditCommentInput {
  @Field(() => ID)
  id!: string;

  @Field()
  body!: string;
}
