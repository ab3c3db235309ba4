import { Module } from '@nestjs/common';
import { AskSessionsRepository, SearchInsightsRepository } from './search-insights.repository';
import { PreAskDeflectionResolver, SearchInsightsResolver } from './search-insights.resolver';
import { SearchInsightsService } from './search-insights.service';

@Module({
  providers: [SearchInsightsRepository, AskSessionsRepository, SearchInsightsService, SearchInsightsResolver, PreAskDeflectionResolver],
  exports: [SearchInsightsService],
})
export class SearchInsightsModule {}
