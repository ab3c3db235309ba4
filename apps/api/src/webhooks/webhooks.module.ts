import { Module } from '@nestjs/common';
import { WebhookDeliverer } from './webhook-deliverer';
import { WebhookEventsSubscriber } from './webhook-events.subscriber';
import { WebhooksRepository } from './webhooks.repository';
import { WebhooksResolver } from './webhooks.resolver';
import { WebhooksService } from './webhooks.service';

@Module({
  providers: [WebhooksRepository, WebhooksService, WebhooksResolver, WebhookEventsSubscriber, WebhookDeliverer],
  exports: [WebhookDeliverer],
})
export class WebhooksModule {}
