import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type RequestContext, Requires, SignedIn, type Viewer } from '../common/viewer';
import { RateLimit } from '../rate-limits/rate-limit.guard';
import { QuestionModel } from '../questions/question.model';
import { toUserModel, UserModel } from '../users/user.model';
import { UserLoader } from '../users/users.loaders';
import { PrivateConversationModel, PrivateMessageModel, toPrivateConversationModel, toPrivateMessageModel } from './private-conversation.model';
import { HelpingPrivatelyLoader } from './private-conversations.loaders';
import { PrivateConversationsService } from './private-conversations.service';

@Resolver(() => PrivateConversationModel)
export class PrivateConversationsResolver {
  constructor(private readonly conversations: PrivateConversationsService) {}

  @Query(() => PrivateConversationModel, { nullable: true, description: "The question's private conversation, null when none was opened; the asker and employees only." })
  @SignedIn()
  async privateConversation(@Args('questionId', { type: () => ID }) questionId: string, @CurrentViewer() viewer: Viewer): Promise<PrivateConversationModel | null> {
    const found = await this.conversations.conversation(viewer, questionId);
    return found && toPrivateConversationModel(found);
  }

  @Mutation(() => PrivateMessageModel, {
    description: 'Writes to our team (or, for employees, to the asker) privately; the asker may open one once the question is escalated or flagged as needing our team.',
  })
  @SignedIn()
  @RateLimit('comment')
  async sendPrivateMessage(
    @Args('questionId', { type: () => ID }) questionId: string, @Args('body') body: string, @CurrentViewer() viewer: Viewer,
  ): Promise<PrivateMessageModel> {
    return toPrivateMessageModel(await this.conversations.send(viewer, questionId, body));
  }

  @Mutation(() => PrivateConversationModel, {
    description: 'Staff: resolves the private conversation (the escalation closes as solved); a summary is posted as your public answer first.',
  })
  @Requires('handle_escalation')
  async resolvePrivately(
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('summary', { type: () => String, nullable: true }) summary: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<PrivateConversationModel> {
    return toPrivateConversationModel(await this.conversations.resolve(viewer, questionId, summary ?? null));
  }
}

@Resolver(() => PrivateMessageModel)
export class PrivateMessageResolver {
  @ResolveField(() => UserModel)
  async author(@Parent() message: PrivateMessageModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel> {
    return toUserModel((await loaders.get(UserLoader).load(message.authorId))!, viewer);
  }
}

@Resolver(() => QuestionModel)
export class QuestionPrivateConversationResolver {
  constructor(private readonly conversations: PrivateConversationsService) {}

  @ResolveField(() => Boolean, {
    description: 'The viewer may send a private message on this question now (sendPrivateMessage would take it): false for anyone but the asker and employees.',
  })
  viewerCanMessagePrivately(@Parent() question: QuestionModel, @Context() { viewer }: RequestContext): Promise<boolean> {
    return this.conversations.viewerMayMessage(viewer, question);
  }

  @ResolveField(() => Boolean, { description: 'Our team is helping the asker in a private conversation right now (its content is never public).' })
  helpingPrivately(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): Promise<boolean> {
    return loaders.get(HelpingPrivatelyLoader).load(question.id);
  }
}
