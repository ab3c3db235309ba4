import { fileURLToPath } from 'node:url';
import { importStackExchange } from '../../apps/api/src/importer/stackexchange-importer';
import { SEARCH_ENGINE, type SearchEngine } from '../../apps/api/src/search/search-engine';
import { TestApp } from '../support/test-app';

const FRENCH_META = fileURLToPath(new URL('../../data/samples/stackexchange/french-meta/', import.meta.url));

const SEARCH = `query ($query: String!, $filter: SearchFilter, $first: Int) {
  search(query: $query, filter: $filter, first: $first) {
    edges { node { question { id title } snippet } }
    totalCount
    facets { categories { category { id } count } }
  }
}`;

interface Found {
  search: { edges: Array<{ node: { question: { id: string; title: string }; snippet: string } }>; totalCount: number; facets: { categories: Array<{ category: { id: string }; count: number }> } };
}

// The importer fills the search index in each batch's transaction: imported questions, their
// answers and acceptances are found through the public `search` (PostgreSQL engine).
describe('search over an imported Stack Exchange community (postgres)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ SEARCH_ENGINE: 'postgres' });
  });
  afterAll(() => app?.close());

  it('finds imported questions by their titles and by the words of their accepted answers', async () => {
    const report = await importStackExchange(app.db, {
      dir: FRENCH_META, category: 'community', searchIndex: app.provider<SearchEngine>(SEARCH_ENGINE),
    });
    expect(report.imported.questions).toBe(274);

    const sample: Array<{ id: string; title: string }> = await app.db.query(
      `SELECT id::text, title FROM questions WHERE category_id = $1 ORDER BY id`, [report.categoryId],
    );
    for (const question of sample.filter((_, at) => at % 55 === 0)) {
      // The title's words, without the characters the query syntax reads ("…", -word).
      const query = question.title.replace(/["«»]/g, ' ').replace(/(^|\s)-/g, ' ');
      const found = await app.ok<Found>(SEARCH, { query, first: 100 });
      expect(found.search.edges.map((edge) => edge.node.question.id)).toContain(question.id);
    }

    // An accepted answer's rarest long word leads to its question (answers are indexed by the second pass).
    const [answered] = await app.db.query(
      `SELECT q.id::text AS id, w.word
         FROM questions q JOIN answers a ON a.id = q.accepted_answer_id,
              LATERAL regexp_split_to_table(lower(a.body), '[^a-z]+') AS w(word)
        WHERE q.category_id = $1 AND length(w.word) >= 9
          AND position(w.word IN lower(q.title || ' ' || q.body)) = 0
          AND (SELECT count(*) FROM answers a2 WHERE position(w.word IN lower(a2.body)) > 0) = 1
        ORDER BY q.id LIMIT 1`,
      [report.categoryId],
    );
    const byAnswer = await app.ok<Found>(SEARCH, { query: answered.word, first: 100 });
    expect(byAnswer.search.edges.map((edge) => edge.node.question.id)).toContain(answered.id);

    const solved = await app.ok<Found>(SEARCH, { query: answered.word, filter: { solvedOnly: true }, first: 100 });
    expect(solved.search.edges.map((edge) => edge.node.question.id)).toContain(answered.id);
    expect(solved.search.facets.categories).toEqual([{ category: { id: report.categoryId }, count: solved.search.totalCount }]);
  });
});
