import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { CategoriesModule } from '../categories/categories.module';
import { CommentsModule } from '../comments/comments.module';
import { QuestionsModule } from '../questions/questions.module';
import { AutoCloseJob } from './auto-close.job';
import { ThreadModerationResolver } from './thread-moderation.resolver';
import { ThreadModerationService } from './thread-moderation.service';

/** The moderator's toolkit on threads: lock, close, reopen, move, delete, pin, merge a duplicate's answers; and auto-close of solved questions. */
@Module({
  imports: [QuestionsModule, AnswersModule, CommentsModule, CategoriesModule],
  providers: [ThreadModerationService, ThreadModerationResolver, AutoCloseJob],
})
export class ThreadModerationModule {}
