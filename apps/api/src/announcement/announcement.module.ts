import { Module } from '@nestjs/common';
import { AnnouncementRepository } from './announcement.repository';
import { AnnouncementResolver } from './announcement.resolver';
import { AnnouncementService } from './announcement.service';

@Module({ providers: [AnnouncementRepository, AnnouncementService, AnnouncementResolver] })
export class AnnouncementModule {}
