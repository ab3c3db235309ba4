import { Module } from '@nestjs/common';
import { CategoriesModule } from '../categories/categories.module';
import { SearchInsightsModule } from '../search-insights/search-insights.module';
import { QuestionLoader } from './questions.loaders';
import { QuestionsRepository } from './questions.repository';
import { QuestionsResolver } from './questions.resolver';
import { QuestionsService } from './questions.service';

@Module({
  imports: [CategoriesModule, SearchInsightsModule],
  providers: [QuestionsRepository, QuestionLoader, QuestionsService, QuestionsResolver],
  exports: [QuestionsRepository, QuestionsService],
})
export class QuestionsModule {}
