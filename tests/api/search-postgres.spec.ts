import { SEARCH_ENGINE, type SearchEngine } from '../../apps/api/src/search/search-engine';
import { TestApp } from '../support/test-app';
import { describeSearchContract } from './search-contract';

// The search contract on the PostgreSQL engine: vectors are written in the posting transaction, so
// there is nothing to wait for.
describeSearchContract('postgres', {
  start: () => TestApp.start({ SEARCH_ENGINE: 'postgres' }),
  settle: async () => undefined,
});

describe('PostgreSQL search index rebuild', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ SEARCH_ENGINE: 'postgres', SEARCH_LANGUAGE: 'french' });
  });
  afterAll(() => app?.close());

  it('reindexAll rebuilds every vector in batches with the configured language and records it', async () => {
    const asker = await app.member();
    const categoryId = (await app.category()).id;
    const question = await app.ask(asker, categoryId, { title: 'Les imprimantes refusent de démarrer', body: 'Depuis la mise à jour, les pilotes échouent au démarrage.' });
    await app.db.query(`UPDATE questions SET search_vector = NULL`);
    const search = async (query: string) =>
      (await app.ok<{ search: { edges: Array<{ node: { question: { id: string } } }> } }>(
        `query ($q: String!) { search(query: $q) { edges { node { question { id } } } } }`, { q: query },
      )).search.edges.map((edge) => edge.node.question.id);
    // Words of the body only: the typo fallback on titles cannot find them.
    expect(await search('pilote')).toEqual([]);

    const progress: number[] = [];
    const count = await app.provider<SearchEngine>(SEARCH_ENGINE).reindexAll(({ done }) => progress.push(done));
    expect(count).toBe(1);
    expect(progress).toEqual([1]);
    // French stemming: the singular finds the plural; unaccent: "echouent" finds "échouent".
    expect(await search('pilote')).toEqual([question.id]);
    expect(await search('echouent')).toEqual([question.id]);
    expect(await app.db.query(`SELECT language FROM search_index_state`)).toEqual([{ language: 'french' }]);
    expect(await app.provider<SearchEngine>(SEARCH_ENGINE).backlog()).toBe(0);
  });
});
