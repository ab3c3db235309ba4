import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CategoryModel, toCategoryModel } from '../categories/category.model';
import { type Connection, toConnection } from '../common/pagination';
import { CurrentViewer, type RequestContext, SignedIn, type Viewer } from '../common/viewer';
import { QuestionModel, toQuestionModel } from '../questions/question.model';
import { QuestionLoader } from '../questions/questions.loaders';
import { toUserModel, UserModel } from '../users/user.model';
import { UserLoader } from '../users/users.loaders';
import { NotificationPreferencesInput } from './dto/notification-preferences.input';
import { RateLimit } from '../rate-limits/rate-limit.guard';
import {
  MentionSuggestionModel, NotificationConnection, NotificationModel, NotificationPreferencesModel, toNotificationModel,
} from './notification.model';
import { ViewerWatchingLoader } from './notifications.loaders';
import { NotificationsService } from './notifications.service';

@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly service: NotificationsService) {}

  @Query(() => NotificationConnection, { description: "The viewer's own notifications, newest first." })
  @SignedIn()
  async notifications(
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after?: string | null,
  ): Promise<Connection<NotificationModel>> {
    const { rows, total } = await this.service.list(viewer, first, after);
    return toConnection(rows, first, total, (row) => this.service.keyOf(row), toNotificationModel);
  }

  @Query(() => Int)
  @SignedIn()
  unreadNotificationCount(@CurrentViewer() viewer: Viewer): Promise<number> {
    return this.service.unreadCount(viewer);
  }

  @Mutation(() => Int, { description: "Marks the viewer's notifications read (all unread ones without ids); returns how many changed." })
  @SignedIn()
  markNotificationsRead(
    @CurrentViewer() viewer: Viewer,
    @Args('ids', { type: () => [ID], nullable: true }) ids?: string[] | null,
  ): Promise<number> {
    return this.service.markRead(viewer, ids);
  }

  @Query(() => NotificationPreferencesModel, { description: "The viewer's own e-mail preferences: a default and a choice per kind." })
  @SignedIn()
  notificationPreferences(@CurrentViewer() viewer: Viewer): Promise<NotificationPreferencesModel> {
    return this.service.preferences(viewer);
  }

  @Mutation(() => NotificationPreferencesModel, { description: "Sets the viewer's default e-mail preference, or kinds' own choices, or both." })
  @SignedIn()
  setNotificationPreferences(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: NotificationPreferencesInput,
  ): Promise<NotificationPreferencesModel> {
    return this.service.setPreferences(viewer, input);
  }

  @Query(() => [MentionSuggestionModel], {
    description: "Members to @mention whose name or a word of it starts with `prefix` (at most 6); the thread's participants first when `questionId` is given.",
  })
  @SignedIn()
  @RateLimit('search')
  mentionSuggestions(
    @CurrentViewer() viewer: Viewer,
    @Args('prefix') prefix: string,
    @Args('questionId', { type: () => ID, nullable: true }) questionId?: string | null,
  ): Promise<MentionSuggestionModel[]> {
    return this.service.mentionSuggestions(viewer, prefix, questionId);
  }

  @ResolveField(() => QuestionModel, { nullable: true, description: 'Null once the question is deleted.' })
  async question(@Parent() notification: NotificationModel, @Context() { loaders }: RequestContext): Promise<QuestionModel | null> {
    if (!notification.questionId) return null;
    const question = await loaders.get(QuestionLoader).load(notification.questionId);
    return question && !question.deletedAt ? toQuestionModel(question) : null;
  }

  @ResolveField(() => UserModel, { nullable: true, description: 'Who caused it; null for the system (deadlines, escalations).' })
  async actor(@Parent() notification: NotificationModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel | null> {
    if (!notification.actorId) return null;
    const user = await loaders.get(UserLoader).load(notification.actorId);
    return user ? toUserModel(user, viewer) : null;
  }
}

/** Question.viewerIsWatching and watchQuestion live with the notifications they cause. */
@Resolver(() => QuestionModel)
export class QuestionWatchResolver {
  constructor(private readonly service: NotificationsService) {}

  @ResolveField(() => Boolean, { description: 'False when signed out.' })
  viewerIsWatching(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): Promise<boolean> {
    return loaders.get(ViewerWatchingLoader).load({ targetType: 'QUESTION', targetId: question.id });
  }

  @Mutation(() => QuestionModel, { description: 'Watchers are notified of new answers. The asker is notified anyway.' })
  @SignedIn()
  async watchQuestion(
    @CurrentViewer() viewer: Viewer,
    @Args('questionId', { type: () => ID }) questionId: string,
    @Args('watching') watching: boolean,
  ): Promise<QuestionModel> {
    return toQuestionModel(await this.service.watchQuestion(viewer, questionId, watching));
  }
}

@Resolver(() => CategoryModel)
export class CategoryWatchResolver {
  constructor(private readonly service: NotificationsService) {}

  @ResolveField(() => Boolean, { description: 'False when signed out.' })
  viewerIsWatching(@Parent() category: CategoryModel, @Context() { loaders }: RequestContext): Promise<boolean> {
    return loaders.get(ViewerWatchingLoader).load({ targetType: 'CATEGORY', targetId: category.id });
  }

  @Mutation(() => CategoryModel, { description: 'Watchers are notified of every new question in the category.' })
  @SignedIn()
  async watchCategory(
    @CurrentViewer() viewer: Viewer,
    @Args('categoryId', { type: () => ID }) categoryId: string,
    @Args('watching') watching: boolean,
  ): Promise<CategoryModel> {
    return toCategoryModel(await this.service.watchCategory(viewer, categoryId, watching));
  }
}
