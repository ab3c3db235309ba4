import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { AnnouncementRepository } from './announcement.repository';
import { AnnouncementResolver, CategoryAnnouncementResolver, CategorySummaryAnnouncementResolver } from './announcement.resolver';
import { AnnouncementService } from './announcement.service';

@Module({ imports: [CategoriesModule], providers: [AnnouncementRepository, AnnouncementService, AnnouncementResolver, CategoryAnnouncementResolver, CategorySummaryAnnouncementResolver] })
export class AnnouncementModule {}
