import { Module } from '@nestjs/common';
import { AskSessionsRepository, SearchInsightsRepository } from './search-insights.repository';
import { PreAskDeflectionResolver, SearchInsightsResolver } from './search-insights.resolver';
import { SearchInsightsService } from './search-insights.service';
import { SearchRecorder } from './search-recorder';

@Module({
  providers: [SearchInsightsRepository, AskSessionsRepository, SearchRecorder, SearchInsightsService, SearchInsightsResolver, PreAskDeflectionResolver],
  exports: [SearchInsightsService],
})
export class SearchInsightsModule {}
