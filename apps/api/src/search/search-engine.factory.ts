import type { DataSource } from 'typeorm';
import { type Clock, SystemClock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { MeilisearchEngine } from './meilisearch.engine';
import { PostgresSearchEngine } from './postgres-search.engine';
import { SearchDocumentsRepository } from './search-documents.repository';
import type { SearchEngine } from './search-engine';
import { SearchOutboxRepository } from './search-outbox.repository';

/** The configured engine: one factory for the API, the importer CLI, the demo seeder and `npm run reindex`. */
export function createSearchEngine(config: AppConfig, db: DataSource, clock: Clock = new SystemClock()): SearchEngine {
  switch (config.searchEngine) {
    case 'postgres':
      return new PostgresSearchEngine(db, config.searchLanguage, clock);
    case 'meilisearch':
      if (!config.meiliHost) {
        throw new Error('SEARCH_ENGINE=meilisearch needs MEILI_HOST (only `npm start` runs the bundled Meilisearch when it is unset).');
      }
      return new MeilisearchEngine(new SearchOutboxRepository(db), new SearchDocumentsRepository(db), { host: config.meiliHost, apiKey: config.meiliMasterKey, index: config.meiliIndex }, clock);
  }
}
