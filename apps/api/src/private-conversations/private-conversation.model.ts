import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { PrivateMessageEntity } from './private-conversation.entity';
import type { PrivateConversationView } from './private-conversations.service';

@ObjectType('PrivateMessage')
export class PrivateMessageModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Markdown source.' })
  body!: string;

  @Field({ description: 'Sanitized HTML rendered from the Markdown body.' })
  bodyHtml!: string;

  @Field()
  createdAt!: Date;

  authorId!: string;
}

@ObjectType('PrivateConversation', { description: "Between a question's asker and our team; only they can read it." })
export class PrivateConversationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => [PrivateMessageModel], { description: 'Oldest first.' })
  messages!: PrivateMessageModel[];

  @Field(() => Date, { nullable: true, description: 'When our team resolved it; it takes no more messages then.' })
  resolvedAt!: Date | null;
}

export function toPrivateMessageModel(message: PrivateMessageEntity): PrivateMessageModel {
  return { id: message.id, body: message.body, bodyHtml: message.bodyHtml, createdAt: message.createdAt, authorId: message.authorId };
}

export function toPrivateConversationModel({ conversation, messages }: PrivateConversationView): PrivateConversationModel {
  return { id: conversation.id, messages: messages.map(toPrivateMessageModel), resolvedAt: conversation.resolvedAt };
}
