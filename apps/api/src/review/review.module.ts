import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { CommentsModule } from '../comments/comments.module';
import { QuestionsModule } from '../questions/questions.module';
import { UsersModule } from '../users/users.module';
import { AnswerModerationResolver, CommentModerationResolver, QuestionModerationResolver, UserModerationRecordResolver } from './moderation.resolver';
import { AuthorHistoryLoader, ItemFlagsLoader, LatestReviewItemLoader, PostTextLoader } from './review.loaders';
import { ReviewRepository } from './review.repository';
import { FlagResolver, ReviewResolver } from './review.resolver';
import { ReviewService } from './review.service';

/** Flags, the review queue and posts' moderation state (docs/architecture.md). */
@Module({
  imports: [QuestionsModule, AnswersModule, CommentsModule, UsersModule],
  providers: [
    ReviewRepository, ReviewService, ReviewResolver, FlagResolver,
    QuestionModerationResolver, AnswerModerationResolver, CommentModerationResolver, UserModerationRecordResolver,
    ItemFlagsLoader, LatestReviewItemLoader, PostTextLoader, AuthorHistoryLoader,
  ],
  exports: [ReviewService],
})
export class ReviewModule {}
