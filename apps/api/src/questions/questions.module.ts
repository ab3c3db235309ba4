import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { RevisionsModule } from '../revisions/revisions.module';
import { UsersModule } from '../users/users.module';
import { QuestionLoader, QuestionTextLoader } from './questions.loaders';
import { QuestionsRepository } from './questions.repository';
import { CategoryQuestionsResolver, CategorySummaryQuestionsResolver, QuestionsResolver } from './questions.resolver';
import { QuestionsService } from './questions.service';
import { ViewRecorder } from './view-recorder';

@Module({
  imports: [CategoriesModule, RevisionsModule, UsersModule],
  providers: [QuestionsRepository, QuestionLoader, QuestionTextLoader, QuestionsService, QuestionsResolver, CategoryQuestionsResolver, CategorySummaryQuestionsResolver, ViewRecorder],
  exports: [QuestionsRepository, QuestionsService, ViewRecorder],
})
export class QuestionsModule {}
