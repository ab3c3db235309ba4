import { Field, InputType } from '@nestjs/graphql';
import { WEBHOOK_EVENTS } from '@peerdesk/domain';

@InputType()
export class CreateWebhookInput {
  @Field({ description: 'http:// or https:// URL that receives a POST per event.' })
  url!: string;

  @Field({ description: 'At least 16 characters; signs each body: X-Peerdesk-Signature: sha256=<hex HMAC-SHA256(secret, body)>.' })
  secret!: string;

  @Field(() => [String], { description: `Any of: ${WEBHOOK_EVENTS.join(', ')}.` })
  events!: string[];
}
