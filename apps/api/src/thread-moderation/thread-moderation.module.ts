import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { CategoriesModule } from '../categories/categories.module';
import { CommentsModule } from '../comments/comments.module';
import { QuestionsModule } from '../questions/questions.module';
import { ThreadModerationResolver } from './thread-moderation.resolver';
import { ThreadModerationService } from './thread-moderation.service';

/** The moderator's toolkit on threads: lock, close, reopen, move, delete, pin, merge a duplicate's answers. */
@Module({
  imports: [QuestionsModule, AnswersModule, CommentsModule, CategoriesModule],
  providers: [ThreadModerationService, ThreadModerationResolver],
})
export class ThreadModerationModule {}
