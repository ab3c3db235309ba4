import { Module } from '@nestjs/common';
import { QuestionsModule } from '../questions/questions.module';
import { PageCache } from './page-cache';

@Module({ imports: [QuestionsModule], providers: [PageCache], exports: [PageCache] })
export class PageCacheModule {}
