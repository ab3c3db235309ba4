import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { seededRandom } from '@peerdesk/domain';
import type { DataSource } from 'typeorm';
import { AdjustableClock } from '../common/clock';
import type { AppConfig } from '../config/config';
import { xmlRows } from '../importer/xml-rows';
import { createApi } from '../main';
import { stackExchangeSamplesDir } from '../seed/demo-seeder';
import { progress } from '../common/progress';

const SEED_CHUNK = 10_000;
const CATEGORIES = 8;
const USERS = 5_000;
/** Product model numbers ("rt4821"): the rare words, each in a handful of questions. */
const MODELS = 20_000;
const SPAN_DAYS = 3 * 365;
/** Requests of each kind: once to warm up, then timed. */
const REQUESTS_PER_KIND = 40;

/** Words of real posts, most frequent first, and the sites' tags. */
interface Vocabulary {
  words: string[];
  tags: string[];
}

/** The Stack Exchange samples in the repository (see data/samples/stackexchange/README.md). */
async function readVocabulary(): Promise<Vocabulary> {
  const root = stackExchangeSamplesDir();
  const counts = new Map<string, number>();
  const tags = new Map<string, number>();
  for (const site of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for await (const { attributes } of xmlRows(path.join(root, site.name, 'Posts.xml'))) {
      const text = `${attributes.Title ?? ''} ${attributes.Body ?? ''}`.replace(/<[^>]*>/g, ' ').replace(/&[a-z]+;/g, ' ').toLowerCase();
      for (const [word] of text.matchAll(/\p{L}{2,20}/gu)) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    for await (const { attributes } of xmlRows(path.join(root, site.name, 'Tags.xml'))) {
      tags.set(attributes.TagName, (tags.get(attributes.TagName) ?? 0) + Number(attributes.Count ?? 0));
    }
  }
  const byFrequency = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([word]) => word);
  return { words: byFrequency(counts), tags: byFrequency(tags) };
}

/**
 * Text drawn from the vocabulary with Zipf's law: a log-uniform rank has P(rank r) ∝ 1/r. Drawing word
 * by word costs microseconds a word in SQL, too slow for a hundred million words, so PHRASES phrases
 * of 3–8 words are drawn once (the words come as `name[]`: fixed-width elements, so picking one is
 * O(1), in a text[] it is a walk), and titles, bodies and answers are made of random phrases.
 */
const PHRASES = 200_000;
const TEXT_FUNCTIONS = [
  `CREATE FUNCTION bench_words(vocabulary name[], words int) RETURNS text LANGUAGE sql VOLATILE AS $$
     SELECT string_agg(vocabulary[floor(exp(random() * ln(cardinality(vocabulary) + 1)))::int]::text, ' ')
       FROM generate_series(1, words) $$`,
  `CREATE TABLE bench_phrases (id int PRIMARY KEY, text text NOT NULL)`,
  `INSERT INTO bench_phrases SELECT g, bench_words($1::name[], 3 + g % 6) FROM generate_series(1, ${PHRASES}) g`,
  `CREATE FUNCTION bench_text(phrases int) RETURNS text LANGUAGE sql VOLATILE AS $$
     SELECT string_agg(p.text, ' ')
       FROM (SELECT 1 + floor(random() * ${PHRASES})::int AS id FROM generate_series(1, phrases)) drawn
       JOIN bench_phrases p USING (id) $$`,
];

/**
 * One chunk of questions [first, first + count): answers first (1 or 2 on solved and answered
 * questions, a tenth by staff), then the questions with their search vectors computed by the
 * migration's `question_search_vector` (fed a row built by name, so the definition stays in one place).
 * The status of question g is fixed by a hash of g, so both statements agree on it.
 */
async function seedChunk(dataSource: DataSource, vocabulary: Vocabulary, ids: { users: number; categories: number }, first: number, count: number, total: number): Promise<void> {
  const bucket = `((hashint4(g)::bigint + 2147483648) % 100)`;
  await dataSource.transaction(async (em) => {
    // Triggers and foreign-key checks off while seeding (the report rollup is not what is measured).
    await em.query('SET LOCAL session_replication_role = replica');
    await em.query(
      `INSERT INTO answers (question_id, author_id, author_kind, body, body_html, created_at, updated_at)
       SELECT g, $1::bigint + (g * 31 + k) % ${USERS}, CASE WHEN (g + k) % 10 = 0 THEN 'STAFF' ELSE 'PEER' END,
              drawn.body, '<p>' || drawn.body || '</p>', now() - make_interval(days => ${SPAN_DAYS}) + make_interval(secs => g::float8 / $4 * ${SPAN_DAYS} * 86400 + k * 3600), now()
         FROM generate_series($2::int, $2::int + $3::int - 1) g,
              generate_series(1, CASE WHEN ${bucket} < 15 OR ${bucket} BETWEEN 40 AND 50 THEN 2 WHEN ${bucket} < 65 THEN 1 ELSE 0 END) k,
              LATERAL bench_text(4 + (hashint4(g * 7 + k) & 7)) AS drawn(body)`,
      [ids.users, first, count, total],
    );
    await em.query(
      `WITH drawn AS MATERIALIZED (
         SELECT g AS id, ${bucket} AS bucket,
                'rt' || (1000 + (hashint4(g * 3)::bigint + 2147483648) % ${MODELS}) AS model,
                array_to_string((string_to_array(bench_text(2), ' '))[1:5 + g % 8], ' ') AS title,
                bench_text(6 + floor(random() * 22)::int) AS body,
                ARRAY(SELECT DISTINCT ($1::name[])[floor(exp(random() * ln(cardinality($1::name[]) + 1)))::int]::text
                        FROM generate_series(0, g % 3)) AS tags,
                now() - make_interval(days => ${SPAN_DAYS}) + make_interval(secs => g::float8 / $4 * ${SPAN_DAYS} * 86400) AS created_at
           FROM generate_series($2::int, $2::int + $3::int - 1) g
       ),
       shaped AS (
         SELECT id, bucket, tags, created_at,
                CASE WHEN id % 20 = 0 THEN title || ' ' || model ELSE title END AS title,
                CASE WHEN id % 10 = 1 THEN body || ' ' || model ELSE body END AS body,
                CASE WHEN bucket < 40 THEN 'SOLVED' WHEN bucket < 65 THEN 'ANSWERED' WHEN bucket < 70 THEN 'ESCALATED'
                     WHEN bucket < 73 THEN 'CLOSED' ELSE 'OPEN' END AS status,
                CASE WHEN bucket < 40 THEN (SELECT a.id FROM answers a WHERE a.question_id = drawn.id ORDER BY a.created_at LIMIT 1) END AS accepted_answer_id,
                CASE WHEN (hashint4(id + 7)::bigint + 2147483648) % 100 = 0 THEN now() END AS deleted_at
           FROM drawn
       ),
       documented AS (
         SELECT shaped.*, jsonb_populate_record(NULL::questions, jsonb_build_object(
                  'id', id, 'title', title, 'body', body, 'tags', tags, 'accepted_answer_id', accepted_answer_id)) AS document
           FROM shaped
       )
       INSERT INTO questions (id, category_id, author_id, title, body, body_html, tags, status, score, view_count, answer_count,
                              accepted_answer_id, solved_at, created_at, updated_at, last_activity_at, deleted_at, search_vector, title_vector)
       OVERRIDING SYSTEM VALUE
       SELECT id, $5::bigint + floor(${CATEGORIES} * random() ^ 2)::int, $6::bigint + (id::bigint * 7919) % ${USERS}, title, body,
              '<p>' || body || '</p>', tags, status, floor(random() ^ 3 * 40)::int - 2, floor(random() * 500)::int,
              CASE WHEN bucket < 15 OR bucket BETWEEN 40 AND 50 THEN 2 WHEN bucket < 65 THEN 1 ELSE 0 END,
              accepted_answer_id, CASE WHEN accepted_answer_id IS NOT NULL THEN created_at + interval '1 day' END,
              created_at, created_at, created_at, deleted_at,
              CASE WHEN deleted_at IS NULL THEN question_search_vector(document, 'english') END,
              CASE WHEN deleted_at IS NULL THEN question_title_vector(document, 'english') END
         FROM documented`,
      [vocabulary.tags, first, count, total, ids.categories, ids.users],
    );
  });
}

interface BenchRequest {
  kind: string;
  query: string;
  variables: Record<string, unknown>;
}

const SEARCH = `query Search($query: String!, $filter: SearchFilter, $sort: SearchSort!, $after: String) {
  search(query: $query, filter: $filter, sort: $sort, after: $after, first: 20) {
    totalCount
    pageInfo { hasNextPage endCursor }
    facets { categories { count category { id name slug } } statuses { count status } }
    edges { node { snippet question { id title status answerCount score createdAt lastActivityAt tags
      acceptedAnswer { id authorKind } category { name slug } author { id displayName isEmployee } } } }
  }
}`;
const SIMILAR = `query SimilarQuestions($title: String!, $body: String) {
  similarQuestions(title: $title, body: $body, limit: 5) { id title status answerCount acceptedAnswer { authorKind } }
}`;

/**
 * The mix people type (the web's own queries, see apps/web/src/lib/graphql/community.graphql):
 * common words, two words, rare words and model numbers, quoted phrases, exclusions, a category
 * filter, solved only, a typo in a title word; and ask-form titles for similar questions.
 */
function requestMix(searchable: string[], vocabulary: Vocabulary, categoryIds: string[]): BenchRequest[] {
  const random = seededRandom(5);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)];
  const common = searchable.slice(0, 100);
  const middling = searchable.slice(100, 1500);
  const rare = searchable.slice(Math.floor(searchable.length * 0.7));
  const known = new Set(vocabulary.words);
  const typo = (): string => {
    for (;;) {
      const word = pick(searchable.slice(0, 800).filter((w) => w.length >= 6));
      const at = 1 + Math.floor(random() * (word.length - 2));
      const wrong = word.slice(0, at) + word.slice(at + 1);
      if (!known.has(wrong)) return wrong;
    }
  };
  const zipfTitle = (): string => {
    const words = Array.from({ length: 5 + Math.floor(random() * 8) }, () =>
      vocabulary.words[Math.floor(Math.exp(random() * Math.log(vocabulary.words.length + 1))) - 1]);
    return words.join(' ');
  };
  const search = (kind: string, query: string, filter: Record<string, unknown> = {}): BenchRequest =>
    ({ kind, query: SEARCH, variables: { query, filter, sort: 'RELEVANCE' } });
  const kinds: Array<() => BenchRequest> = [
    () => search('common word', pick(common)),
    () => search('two words', `${pick(common)} ${pick(middling)}`),
    () => search('rare word', random() < 0.5 ? pick(rare) : `rt${1000 + Math.floor(random() * MODELS)}`),
    () => search('quoted phrase', `"${pick(common)} ${pick(common)}"`),
    () => search('exclusion', `${pick(common)} -${pick(common)}`),
    () => search('category filter', pick(middling), { categoryId: pick(categoryIds) }),
    () => search('solved only', pick(common), { solvedOnly: true }),
    () => search('typo in a title word', typo()),
    () => ({ kind: 'similar (ask form)', query: SIMILAR, variables: { title: zipfTitle(), body: null } }),
  ];
  return kinds.flatMap((make) => Array.from({ length: REQUESTS_PER_KIND }, make));
}

function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}

function summary(timings: number[]): string {
  const sorted = [...timings].sort((a, b) => a - b);
  return `p50 ${percentile(sorted, 0.5).toFixed(1)} ms, p95 ${percentile(sorted, 0.95).toFixed(1)} ms, p99 ${percentile(sorted, 0.99).toFixed(1)} ms (n=${sorted.length})`;
}

/**
 * Seeds `questions` questions of Zipf-distributed words from the real Stack Exchange samples (titles
 * of 5–12 words, bodies of 30–150, 1–3 tags, 8 categories, 40% solved, 1% deleted, model numbers as
 * rare words), builds their search vectors, VACUUM ANALYZE, then serves the API over HTTP and times
 * the web's own `search` and `similarQuestions` requests, after one warm-up pass of the same mix.
 * With `reuse`, a scratch database that already holds the questions is timed again without seeding.
 */
export async function benchSearch(dataSource: DataSource, config: AppConfig, questions: number, options: { reuse?: boolean } = {}): Promise<Record<string, string>> {
  const vocabulary = await readVocabulary();
  const [{ seeded }] = await dataSource.query(`SELECT count(*)::int AS seeded FROM questions`);
  let seedSeconds = 0;
  if (!(options.reuse && seeded === questions)) {
    if (seeded > 0) throw new Error(`The scratch database holds ${seeded} questions, not ${questions}: drop it or leave out --reuse`);
    const [{ id: categories }] = await dataSource.query(
      `INSERT INTO categories (name, slug, created_at) SELECT 'Category ' || g, 'category-' || g, now() FROM generate_series(1, ${CATEGORIES}) g RETURNING id`);
    const [{ id: users }] = await dataSource.query(
      `INSERT INTO users (display_name, created_at, updated_at) SELECT 'Bench user ' || g, now(), now() FROM generate_series(1, ${USERS}) g RETURNING id`);
    for (const statement of TEXT_FUNCTIONS) await dataSource.query(statement, statement.includes('$1') ? [vocabulary.words] : []);
    // The search indexes are built once after seeding (as CREATE INDEX does best), from the migration's
    // own definitions read back from the catalog.
    const searchIndexes: Array<{ name: string; definition: string }> = await dataSource.query(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes WHERE tablename = 'questions' AND indexname IN ('questions_search', 'questions_category_search', 'questions_title_search')`);
    for (const index of searchIndexes) await dataSource.query(`DROP INDEX ${index.name}`);
    const seedStart = Date.now();
    let next = 0;
    let done = 0;
    // One chunk at a time on each core.
    const worker = async (): Promise<void> => {
      while (next < questions) {
        const first = next + 1;
        const count = Math.min(SEED_CHUNK, questions - next);
        next += count;
        await seedChunk(dataSource, vocabulary, { users: Number(users), categories: Number(categories) }, first, count, questions);
        done += count;
        progress('seeding questions with answers and search vectors', done, questions, seedStart);
      }
    };
    await Promise.all([worker(), worker()]);
    const indexStart = Date.now();
    for (const [at, index] of searchIndexes.entries()) {
      await dataSource.query(`SET maintenance_work_mem = '512MB'`);
      await dataSource.query(index.definition);
      progress('building the search indexes', at + 1, searchIndexes.length, indexStart);
    }
    // The title words typo correction reads, as the engine's writes would have added them.
    await dataSource.query(
      `INSERT INTO search_words (word) SELECT DISTINCT search_title_words(title) FROM questions WHERE deleted_at IS NULL ON CONFLICT DO NOTHING`);
    // Ids were given explicitly: the identity carries on after them.
    await dataSource.query(`SELECT setval(pg_get_serial_sequence('questions', 'id'), $1)`, [questions]);
    await dataSource.query('VACUUM ANALYZE');
    seedSeconds = (Date.now() - seedStart) / 1000;
  }

  // Words that survive the english configuration (not stop words), most frequent first.
  const searchable: string[] = (await dataSource.query(
    `SELECT word FROM unnest($1::text[]) WITH ORDINALITY AS v(word, rank)
      WHERE length(to_tsvector('english', word)) > 0 ORDER BY rank`, [vocabulary.words],
  )).map((row: { word: string }) => row.word);
  const categoryIds: string[] = (await dataSource.query(`SELECT id::text AS id FROM categories ORDER BY id`)).map((row: { id: string }) => row.id);
  const mix = requestMix(searchable, vocabulary, categoryIds);

  const api = await createApi({ config, dataSource, clock: new AdjustableClock() });
  await api.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}/graphql`;
  try {
    const send = async (request: BenchRequest): Promise<number> => {
      const start = process.hrtime.bigint();
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: request.query, variables: request.variables }),
      });
      const body = await response.json() as { errors?: Array<{ message: string }> };
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (body.errors) throw new Error(`${request.kind} ${JSON.stringify(request.variables)}: ${body.errors[0].message}`);
      return ms;
    };
    const warmStart = Date.now();
    for (const [at, request] of mix.entries()) {
      await send(request);
      progress('warming up', at + 1, mix.length, warmStart);
    }
    // Kinds interleaved, so a slow moment of the machine does not land on one kind.
    const order = mix.map((request, at) => ({ request, key: (at % REQUESTS_PER_KIND) * 100 + Math.floor(at / REQUESTS_PER_KIND) }))
      .sort((a, b) => a.key - b.key).map(({ request }) => request);
    const timings = new Map<string, number[]>();
    const timedStart = Date.now();
    for (const [at, request] of order.entries()) {
      const ms = await send(request);
      timings.set(request.kind, [...(timings.get(request.kind) ?? []), ms]);
      progress('timing', at + 1, order.length, timedStart);
    }
    const figures: Record<string, string> = {
      'questions (1% deleted)': questions.toLocaleString('en'),
      'seeding with vectors + VACUUM ANALYZE': options.reuse && seedSeconds === 0 ? 'reused' : `${seedSeconds.toFixed(0)} s`,
    };
    const searchTimings: number[] = [];
    for (const [kind, list] of timings) {
      figures[kind] = summary(list);
      if (kind.startsWith('similar')) continue;
      searchTimings.push(...list);
    }
    figures['search, all kinds'] = summary(searchTimings);
    return figures;
  } finally {
    await api.close();
  }
}
