import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Requires, type Viewer } from '../common/viewer';
import { AnnouncementModel } from './announcement.model';
import { AnnouncementService } from './announcement.service';

@Resolver(() => AnnouncementModel)
export class AnnouncementResolver {
  constructor(private readonly service: AnnouncementService) {}

  @Query(() => AnnouncementModel, { nullable: true, description: 'The service announcement, if one is up.' })
  announcement(): Promise<AnnouncementModel | null> {
    return this.service.current();
  }

  @Mutation(() => AnnouncementModel, { nullable: true, description: 'Admins only. An empty message takes the announcement down (answers null).' })
  @Requires('set_announcement')
  setAnnouncement(@Args('message') message: string, @CurrentViewer() viewer: Viewer): Promise<AnnouncementModel | null> {
    return this.service.set(message, viewer.id);
  }
}
