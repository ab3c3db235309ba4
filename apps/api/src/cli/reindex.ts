import { progress } from '../common/progress';
import { bundledMeilisearchFor } from '../search/meilisearch-server';
import { createSearchEngine } from '../search/search-engine.factory';
import { configOrExit, log, openDatabase, REPO_ROOT, runCli } from './runtime';

/** `npm run reindex`: rebuilds the configured search engine's index from the database, with a progress bar. */
runCli(async () => {
  let config = configOrExit();
  // Like `npm start`: SEARCH_ENGINE=meilisearch without MEILI_HOST means the bundled server (reused when running).
  const meili = config.searchEngine === 'meilisearch' && !config.meiliHost ? await bundledMeilisearchFor(config, REPO_ROOT, log) : null;
  if (meili) config = { ...config, meiliHost: meili.host, meiliMasterKey: meili.masterKey };
  const database = await openDatabase(config);
  try {
    const engine = createSearchEngine(config, database.dataSource);
    await engine.prepare();
    const startedAt = Date.now();
    log(`Rebuilding the ${engine.name} search index${engine.name === 'postgres' ? ` (language: ${config.searchLanguage})` : ''}`);
    const count = await engine.reindexAll(({ done, total }) => progress('questions', done, total, startedAt));
    log(`Indexed ${count.toLocaleString('en')} questions in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);
  } finally {
    await database.close();
    await meili?.stop();
  }
});
