import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CLOCK } from '../common/clock';
import { CONFIG } from '../config/config.provider';
import { SEARCH_ENGINE, type SearchEngine } from './search-engine';
import { createSearchEngine } from './search-engine.factory';
import { SearchIndexSubscriber } from './search-index.subscriber';
import { SearchOutboxRepository } from './search-outbox.repository';
import { SearchOutboxWorker } from './search-outbox.worker';
import { SearchResolver } from './search.resolver';
import { SearchService } from './search.service';
import { SearchInsightsModule } from '../search-insights/search-insights.module';

@Module({
  imports: [SearchInsightsModule],
  providers: [
    { provide: SEARCH_ENGINE, inject: [CONFIG, DataSource, CLOCK], useFactory: createSearchEngine },
    SearchOutboxRepository,
    SearchOutboxWorker,
    SearchIndexSubscriber,
    SearchService,
    SearchResolver,
  ],
  exports: [SEARCH_ENGINE, SearchOutboxWorker, SearchOutboxRepository],
})
export class SearchModule implements OnModuleInit {
  constructor(@Inject(SEARCH_ENGINE) private readonly engine: SearchEngine) {}

  async onModuleInit(): Promise<void> {
    await this.engine.prepare();
  }
}
