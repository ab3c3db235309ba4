import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Requires, type Viewer } from '../common/viewer';
import { CreateWebhookInput } from './dto/create-webhook.input';
import { toDeliveryModel, toWebhookModel, WebhookDeliveryModel, WebhookModel } from './webhook.model';
import { WebhooksService } from './webhooks.service';

@Resolver(() => WebhookModel)
export class WebhooksResolver {
  constructor(private readonly service: WebhooksService) {}

  @Query(() => [WebhookModel])
  @Requires('manage_webhooks')
  async webhooks(): Promise<WebhookModel[]> {
    return (await this.service.list()).map(toWebhookModel);
  }

  @Mutation(() => WebhookModel, { description: 'Each matching event is POSTed as JSON, signed with the secret; failures are retried with backoff. Recorded in the audit log (without the secret).' })
  @Requires('manage_webhooks')
  async createWebhook(@Args('input') input: CreateWebhookInput, @CurrentViewer() viewer: Viewer): Promise<WebhookModel> {
    return toWebhookModel(await this.service.create(viewer, input));
  }

  @Mutation(() => Boolean, { description: 'Also drops its deliveries, pending ones included. Recorded in the audit log.' })
  @Requires('manage_webhooks')
  deleteWebhook(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer): Promise<boolean> {
    return this.service.delete(viewer, id);
  }

  @Query(() => [WebhookDeliveryModel], { description: 'Newest first, with the outcome of the last attempt.' })
  @Requires('manage_webhooks')
  async webhookDeliveries(
    @Args('webhookId', { type: () => ID }) webhookId: string,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
  ): Promise<WebhookDeliveryModel[]> {
    return (await this.service.deliveries(webhookId, first)).map(toDeliveryModel);
  }
}
