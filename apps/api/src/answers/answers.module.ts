import { Module } from '@nestjs/common';
import { QuestionsModule } from '../questions/questions.module';
import { RevisionsModule } from '../revisions/revisions.module';
import { UsersModule } from '../users/users.module';
import { AnswerLoader, AnswerTextLoader, QuestionAnswersLoader } from './answers.loaders';
import { AnswersRepository } from './answers.repository';
import { AnswersResolver } from './answers.resolver';
import { AnswersService } from './answers.service';
import { QuestionAnswersResolver } from './question-answers.resolver';
import { UserAnswersResolver } from './user-answers.resolver';

@Module({
  imports: [QuestionsModule, RevisionsModule, UsersModule],
  providers: [AnswersRepository, AnswerLoader, AnswerTextLoader, QuestionAnswersLoader, AnswersService, AnswersResolver, QuestionAnswersResolver, UserAnswersResolver],
  exports: [AnswersRepository, AnswersService],
})
export class AnswersModule {}
