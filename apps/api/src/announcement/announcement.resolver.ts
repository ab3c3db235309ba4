import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CategoryModel, CategorySummaryModel } from '../categories/category.model';
import { CurrentViewer, Requires, type Viewer } from '../common/viewer';
import { AnnouncementModel, toAnnouncementModel } from './announcement.model';
import { AnnouncementService } from './announcement.service';

@Resolver(() => AnnouncementModel)
export class AnnouncementResolver {
  constructor(private readonly service: AnnouncementService) {}

  @Query(() => AnnouncementModel, { nullable: true, description: 'The service announcement, if one is up.' })
  async announcement(): Promise<AnnouncementModel | null> {
    const announcement = await this.service.current();
    return announcement && toAnnouncementModel(announcement);
  }

  @Mutation(() => AnnouncementModel, { nullable: true, description: 'Admins only. An empty message takes the announcement down (answers null).' })
  @Requires('set_announcement')
  async setAnnouncement(@Args('message') message: string, @CurrentViewer() viewer: Viewer): Promise<AnnouncementModel | null> {
    const announcement = await this.service.set(message, viewer.id);
    return announcement && toAnnouncementModel(announcement);
  }

  @Query(() => AnnouncementModel, { nullable: true, description: "The announcement pinned in a category (shown on the category's page), if one is up." })
  async categoryAnnouncement(@Args('categoryId', { type: () => ID }) categoryId: string): Promise<AnnouncementModel | null> {
    const announcement = await this.service.currentInCategory(categoryId);
    return announcement && toAnnouncementModel(announcement);
  }

  @Mutation(() => AnnouncementModel, {
    nullable: true,
    description: 'Moderators and admins pin an announcement in a category (one each). An empty message takes it down (answers null). Audited.',
  })
  @Requires('moderate_threads')
  async setCategoryAnnouncement(
    @Args('categoryId', { type: () => ID }) categoryId: string,
    @Args('message') message: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<AnnouncementModel | null> {
    const announcement = await this.service.setInCategory(categoryId, message, viewer.id);
    return announcement && toAnnouncementModel(announcement);
  }
}

const CATEGORY_ANNOUNCEMENT_DESCRIPTION = 'The announcement pinned in this category, if one is up (as Query.categoryAnnouncement).';

/** Category.announcement (and CategorySummary's, which inherits the field): a category page's announcement in the same request as the category. */
@Resolver(() => CategoryModel)
export class CategoryAnnouncementResolver {
  constructor(private readonly service: AnnouncementService) {}

  @ResolveField(() => AnnouncementModel, { nullable: true, description: CATEGORY_ANNOUNCEMENT_DESCRIPTION })
  async announcement(@Parent() category: CategoryModel): Promise<AnnouncementModel | null> {
    const announcement = await this.service.currentInKnownCategory(category.id);
    return announcement && toAnnouncementModel(announcement);
  }
}

@Resolver(() => CategorySummaryModel)
export class CategorySummaryAnnouncementResolver extends CategoryAnnouncementResolver {
  @ResolveField(() => AnnouncementModel, { nullable: true, description: CATEGORY_ANNOUNCEMENT_DESCRIPTION })
  override announcement(@Parent() category: CategoryModel): Promise<AnnouncementModel | null> {
    return super.announcement(category);
  }
}
