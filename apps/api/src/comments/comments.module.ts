import { Module } from '@nestjs/common';
import { AnswersModule } from '../answers/answers.module';
import { QuestionsModule } from '../questions/questions.module';
import { UsersModule } from '../users/users.module';
import { ThreadCommentsLoader } from './comments.loaders';
import { CommentsRepository } from './comments.repository';
import { CommentsResolver } from './comments.resolver';
import { CommentsService } from './comments.service';
import { AnswerCommentsResolver, QuestionCommentsResolver } from './post-comments.resolver';

@Module({
  imports: [QuestionsModule, AnswersModule, UsersModule],
  providers: [CommentsRepository, ThreadCommentsLoader, CommentsService, CommentsResolver, QuestionCommentsResolver, AnswerCommentsResolver],
  exports: [CommentsRepository, CommentsService],
})
export class CommentsModule {}
