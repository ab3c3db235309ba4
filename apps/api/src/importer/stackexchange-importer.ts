import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DataSource, QueryRunner } from 'typeorm';
import { type Affiliation, authorKindFor, normalizeTags } from '@peerdesk/domain';
import { renderMarkdown } from '../markdown/markdown';
import type { SearchEngine } from '../search/search-engine';
import { htmlToMarkdown } from './html-to-markdown';
import { countRows, type XmlRow, xmlRows } from './xml-rows';

export interface ImportProgress {
  file: string;
  done: number;
  total: number;
  startedAt: number;
}

export interface StackExchangeImportOptions {
  /** The folder of one site's dump: Posts.xml (required), Users.xml, Votes.xml, Comments.xml. */
  dir: string;
  /** Slug of the category the questions go into; created (named after the site) when missing. */
  category?: string;
  /** Name for the category when it has to be created; default: the site. */
  categoryName?: string;
  /** The site's host (french.meta.stackexchange.com); default: from the folder's name. */
  site?: string;
  /** Stack Exchange user ids of the company's people: EMPLOYEE affiliation, their answers STAFF. */
  employees?: readonly string[];
  /** Reads and checks everything, writes nothing (the work is done in a transaction rolled back at the end). */
  dryRun?: boolean;
  /** Rows per transaction. */
  batchSize?: number;
  /** Called after each committed batch; throwing from it stops the import (resumable). */
  onProgress?: (progress: ImportProgress) => void;
  /** Aborting stops the import after the batch in hand (resumable). */
  signal?: AbortSignal;
  /** The configured search engine (`createSearchEngine`): told of every batch's questions in that batch's transaction. */
  searchIndex: Pick<SearchEngine, 'documentsChanged'>;
  /** Hosts whose images the posts may show (the configuration's IMAGE_HOSTS); others become links. */
  imageHosts?: readonly string[];
}

type Kind = 'users' | 'questions' | 'answers' | 'acceptances' | 'comments';

export interface ImportReport {
  source: string;
  categoryId: string;
  dryRun: boolean;
  /** Rows read, all files together, and how long it took. */
  rows: number;
  seconds: number;
  imported: Record<Kind, number>;
  /** Found already imported by an earlier run (mapping present), so left alone. */
  alreadyImported: Record<Kind, number>;
  /** Rows that could not be imported, by reason. Never silently dropped. */
  skipped: Record<string, number>;
  /** Votes.xml: counted, not stored per user (scores come from each post's Score, which is up minus down). */
  votes: { up: number; down: number; accepted: number; other: number };
}

const DEFAULT_BATCH = 500;
const DEFAULT_LICENCE = 'CC BY-SA';

/** "french-meta" → french.meta.stackexchange.com; a folder already named like a host is kept. */
export function siteFromFolder(dir: string): string {
  const name = path.basename(path.resolve(dir));
  if (name.includes('.')) return name;
  const meta = name.match(/^(.+)-meta$/);
  return meta ? `${meta[1]}.meta.stackexchange.com` : `${name}.stackexchange.com`;
}

/** Dump dates are UTC without a zone ("2011-08-17T20:18:56.507"). */
function date(value: string | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** `<a><b>` (older dumps) or `|a|b|` (newer ones) → ['a', 'b'], normalized as Peerdesk stores tags. */
export function parseTags(value: string | undefined): string[] {
  if (!value) return [];
  const parts = value.includes('<') ? [...value.matchAll(/<([^>]*)>/g)].map((m) => m[1]) : value.split('|');
  return normalizeTags(parts);
}

function int(value: string | undefined): number {
  const parsed = Number.parseInt(value ?? '', 10);
  return Number.isFinite(parsed) ? parsed : 0;
}

/** The mappings a batch needs, read in one query; rows written in the batch are added as they go. */
class Mappings {
  private readonly targets = new Map<string, string>();
  private readonly affiliations = new Map<string, Affiliation>();

  constructor(private readonly source: string) {}

  static key(kind: string, sourceId: string): string {
    return `${kind}\u0000${sourceId}`;
  }

  async load(runner: QueryRunner, keys: Array<[string, string]>): Promise<void> {
    if (keys.length === 0) return;
    const rows: Array<{ kind: string; source_id: string; target_id: string; affiliation: Affiliation | null }> = await runner.query(
      `SELECT m.kind, m.source_id, m.target_id::text, u.affiliation
         FROM import_mappings m
         JOIN unnest($2::text[], $3::text[]) AS k(kind, source_id) ON k.kind = m.kind AND k.source_id = m.source_id
         LEFT JOIN users u ON m.kind = 'user' AND u.id = m.target_id
        WHERE m.source = $1`,
      [this.source, keys.map((k) => k[0]), keys.map((k) => k[1])],
    );
    for (const row of rows) this.remember(row.kind, row.source_id, row.target_id, row.affiliation);
  }

  get(kind: string, sourceId: string | undefined): string | undefined {
    return sourceId === undefined ? undefined : this.targets.get(Mappings.key(kind, sourceId));
  }

  affiliation(userTargetId: string): Affiliation {
    return this.affiliations.get(userTargetId) ?? 'COMMUNITY';
  }

  remember(kind: string, sourceId: string, targetId: string, affiliation: Affiliation | null = null): void {
    this.targets.set(Mappings.key(kind, sourceId), targetId);
    if (affiliation) this.affiliations.set(targetId, affiliation);
  }

  async write(runner: QueryRunner, kind: string, sourceId: string, targetId: string, affiliation: Affiliation | null = null): Promise<void> {
    await runner.query(`INSERT INTO import_mappings (source, kind, source_id, target_id) VALUES ($1, $2, $3, $4)`, [
      this.source,
      kind,
      sourceId,
      targetId,
    ]);
    this.remember(kind, sourceId, targetId, affiliation);
  }
}

function emptyCounts(): Record<Kind, number> {
  return { users: 0, questions: 0, answers: 0, acceptances: 0, comments: 0 };
}

/**
 * Imports one Stack Exchange site dump into a category. Each file is streamed; rows are written in
 * batches, each batch in one transaction together with its `import_mappings` rows, so a second run
 * changes nothing and an interrupted run resumes where the last committed batch ended.
 *
 * Posts.xml is read twice (questions, then answers), so an answer always finds its question whatever
 * the order of the file. Imported questions get no community deadline (`community_due_at` null): they
 * are history, and the escalation sweep must not send years-old threads to staff.
 */
export async function importStackExchange(dataSource: DataSource, options: StackExchangeImportOptions): Promise<ImportReport> {
  const dir = path.resolve(options.dir);
  const file = (name: string) => path.join(dir, name);
  if (!existsSync(file('Posts.xml'))) throw new Error(`${file('Posts.xml')} not found: point --dir at the folder of one site's dump.`);
  const source = options.site ?? siteFromFolder(dir);
  const employees = new Set(options.employees ?? []);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  const dryRun = options.dryRun ?? false;
  const startedAt = Date.now();
  const report: ImportReport = {
    source,
    categoryId: '',
    dryRun,
    rows: 0,
    seconds: 0,
    imported: emptyCounts(),
    alreadyImported: emptyCounts(),
    skipped: {},
    votes: { up: 0, down: 0, accepted: 0, other: 0 },
  };
  const skip = (reason: string) => void (report.skipped[reason] = (report.skipped[reason] ?? 0) + 1);

  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    // A dry run does all the work in one transaction and rolls it back: the counts are the real ones.
    if (dryRun) await runner.startTransaction();
    const inBatch = async (work: () => Promise<void>) => {
      if (dryRun) return work();
      await runner.startTransaction();
      try {
        // The report's per-question facts are refreshed once at commit, not after every row (migration ReportFacts).
        await runner.query(`SELECT set_config('peerdesk.defer_report_facts', 'on', true)`);
        await work();
        await runner.commitTransaction();
      } catch (error) {
        await runner.rollbackTransaction();
        throw error;
      }
    };

    const categoryId = await ensureCategory(runner, options.category ?? 'community', options.categoryName ?? source);
    report.categoryId = categoryId;

    /** Streams one file in batches; `handle` writes a batch inside its transaction. */
    const pass = async (name: string, label: string, handle: (rows: XmlRow[], mappings: Mappings) => Promise<void>, keys: (row: XmlRow) => Array<[string, string]>) => {
      const filePath = file(name);
      const total = await countRows(filePath);
      const passStartedAt = Date.now();
      let done = 0;
      let batch: XmlRow[] = [];
      const flush = async () => {
        if (batch.length === 0) return;
        const rows = batch;
        batch = [];
        await inBatch(async () => {
          const mappings = new Mappings(source);
          await mappings.load(runner, rows.flatMap(keys));
          await handle(rows, mappings);
        });
        done += rows.length;
        report.rows += rows.length;
        options.onProgress?.({ file: label, done, total, startedAt: passStartedAt });
        if (options.signal?.aborted) throw new Error(`Import stopped after ${done} rows of ${label}; run it again to resume.`);
      };
      for await (const row of xmlRows(filePath)) {
        batch.push(row);
        if (batch.length >= batchSize) await flush();
      }
      await flush();
    };

    // The author of a post or comment: the mapped dump user, or a placeholder for one the dump no longer has.
    const author = async (mappings: Mappings, userId: string | undefined, displayName: string | undefined): Promise<{ id: string; name: string }> => {
      const known = userId !== undefined ? mappings.get('user', userId) : undefined;
      if (known) return { id: known, name: displayName ?? '' };
      const name = (displayName ?? '').trim() || (userId ? `user${userId}` : 'Unknown user');
      const placeholderKey = `name:${name}`;
      const existing = mappings.get('user', placeholderKey);
      if (existing) return { id: existing, name };
      const [{ id }] = await runner.query(
        `INSERT INTO users (display_name, reputation, created_at, updated_at) VALUES ($1, 1, now(), now()) RETURNING id::text`,
        [name],
      );
      await mappings.write(runner, 'user', placeholderKey, id, 'COMMUNITY');
      report.imported.users++;
      return { id, name };
    };
    const authorKeys = (userId: string | undefined, displayName: string | undefined): Array<[string, string]> => [
      ...(userId !== undefined ? [['user', userId] as [string, string]] : []),
      ['user', `name:${(displayName ?? '').trim() || (userId ? `user${userId}` : 'Unknown user')}`],
    ];
    const attribute = async (targetType: 'QUESTION' | 'ANSWER' | 'COMMENT', targetId: string, authorName: string, licence: string | undefined, url: string | null) => {
      await runner.query(
        `INSERT INTO post_attributions (target_type, target_id, source, author_name, licence, url) VALUES ($1, $2, $3, $4, $5, $6)`,
        [targetType, targetId, source, authorName, licence || DEFAULT_LICENCE, url],
      );
    };

    if (existsSync(file('Users.xml'))) {
      await pass('Users.xml', 'users', async (rows, mappings) => {
        for (const { attributes: u } of rows) {
          if (mappings.get('user', u.Id)) {
            report.alreadyImported.users++;
            continue;
          }
          const affiliation: Affiliation = employees.has(u.Id) ? 'EMPLOYEE' : 'COMMUNITY';
          const createdAt = date(u.CreationDate) ?? new Date();
          const [{ id }] = await runner.query(
            `INSERT INTO users (display_name, reputation, affiliation, created_at, updated_at) VALUES ($1, $2, $3, $4, $4) RETURNING id::text`,
            [(u.DisplayName ?? '').trim() || `user${u.Id}`, int(u.Reputation), affiliation, createdAt],
          );
          await mappings.write(runner, 'user', u.Id, id, affiliation);
          report.imported.users++;
        }
      }, (row) => [['user', row.attributes.Id]]);
    }

    // Pass 1 over Posts.xml: the questions.
    await pass('Posts.xml', 'questions', async (rows, mappings) => {
      const asked: string[] = [];
      for (const { attributes: p } of rows) {
        if (p.PostTypeId === '2') continue;
        if (p.PostTypeId !== '1') {
          skip(`post of type ${p.PostTypeId} (neither question nor answer)`);
          continue;
        }
        if (mappings.get('question', p.Id)) {
          report.alreadyImported.questions++;
          continue;
        }
        const by = await author(mappings, p.OwnerUserId, p.OwnerDisplayName);
        const body = htmlToMarkdown(p.Body ?? '');
        const createdAt = date(p.CreationDate) ?? new Date();
        const [{ id }] = await runner.query(
          `INSERT INTO questions (category_id, author_id, title, body, body_html, tags, status, score, view_count, answer_count,
                                  created_at, updated_at, last_activity_at, is_first_question, has_peer_answer, community_due_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, $10, $11, $12, false, false, NULL) RETURNING id::text`,
          [categoryId, by.id, (p.Title ?? '').trim() || `Question ${p.Id}`, body, renderMarkdown(body, { imageHosts: options.imageHosts }), parseTags(p.Tags),
            p.ClosedDate ? 'CLOSED' : 'OPEN', int(p.Score), int(p.ViewCount),
            createdAt, date(p.LastEditDate) ?? createdAt, date(p.LastActivityDate) ?? createdAt],
        );
        await mappings.write(runner, 'question', p.Id, id);
        // Remembered for pass 2: the answer with this dump id is the one this question accepted.
        if (p.AcceptedAnswerId) await mappings.write(runner, 'accepted-answer', p.AcceptedAnswerId, id);
        await attribute('QUESTION', id, p.OwnerDisplayName ?? (await displayName(runner, by.id)), p.ContentLicense, `https://${source}/q/${p.Id}`);
        report.imported.questions++;
        asked.push(id);
      }
      await options.searchIndex.documentsChanged(runner.manager, asked);
    }, (row) => (row.attributes.PostTypeId === '1' ? [['question', row.attributes.Id], ...authorKeys(row.attributes.OwnerUserId, row.attributes.OwnerDisplayName)] : []));

    // Pass 2 over Posts.xml: the answers, and the acceptances.
    await pass('Posts.xml', 'answers', async (rows, mappings) => {
      const touched = new Set<string>();
      for (const { attributes: p } of rows) {
        if (p.PostTypeId !== '2') continue;
        if (mappings.get('answer', p.Id)) {
          report.alreadyImported.answers++;
          continue;
        }
        const questionId = mappings.get('question', p.ParentId);
        if (!questionId) {
          skip('answer whose question is not in the dump');
          continue;
        }
        const by = await author(mappings, p.OwnerUserId, p.OwnerDisplayName);
        const body = htmlToMarkdown(p.Body ?? '');
        const createdAt = date(p.CreationDate) ?? new Date();
        const [{ id }] = await runner.query(
          `INSERT INTO answers (question_id, author_id, author_kind, body, body_html, score, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id::text`,
          [questionId, by.id, authorKindFor(mappings.affiliation(by.id)), body, renderMarkdown(body, { imageHosts: options.imageHosts }), int(p.Score), createdAt, date(p.LastEditDate) ?? createdAt],
        );
        await mappings.write(runner, 'answer', p.Id, id);
        await attribute('ANSWER', id, p.OwnerDisplayName ?? (await displayName(runner, by.id)), p.ContentLicense, `https://${source}/a/${p.Id}`);
        report.imported.answers++;
        touched.add(questionId);
        if (mappings.get('accepted-answer', p.Id) === questionId) {
          // Accepted when answered, until Votes.xml tells the day of the acceptance vote.
          await runner.query(
            `WITH q AS (
               UPDATE questions SET accepted_answer_id = $2, solved_at = $3, status = CASE WHEN status = 'CLOSED' THEN status ELSE 'SOLVED' END
                WHERE id = $1 RETURNING author_id)
             INSERT INTO answer_acceptances (question_id, answer_id, accepted_by, accepted_at) SELECT $1, $2, author_id, $3 FROM q`,
            [questionId, id, createdAt],
          );
          report.imported.acceptances++;
        }
      }
      if (touched.size > 0) {
        await runner.query(
          `UPDATE questions q
              SET answer_count = s.answers, has_peer_answer = s.peer,
                  status = CASE WHEN q.status IN ('CLOSED', 'SOLVED') THEN q.status WHEN s.answers > 0 THEN 'ANSWERED' ELSE 'OPEN' END
             FROM (SELECT a.question_id, count(*)::int AS answers, bool_or(a.author_kind = 'PEER') AS peer
                     FROM answers a WHERE a.question_id = ANY($1::bigint[]) AND a.deleted_at IS NULL GROUP BY a.question_id) s
            WHERE q.id = s.question_id`,
          [[...touched]],
        );
      }
      await options.searchIndex.documentsChanged(runner.manager, [...touched]);
    }, (row) => (row.attributes.PostTypeId === '2'
      ? [['answer', row.attributes.Id], ['question', row.attributes.ParentId ?? ''], ['accepted-answer', row.attributes.Id], ...authorKeys(row.attributes.OwnerUserId, row.attributes.OwnerDisplayName)]
      : []));

    if (existsSync(file('Votes.xml'))) {
      await pass('Votes.xml', 'votes', async (rows, mappings) => {
        for (const { attributes: v } of rows) {
          const post = mappings.get('answer', v.PostId) ?? mappings.get('question', v.PostId);
          if (!post) {
            skip('vote on a post not imported');
            continue;
          }
          if (v.VoteTypeId === '2') report.votes.up++;
          else if (v.VoteTypeId === '3') report.votes.down++;
          else if (v.VoteTypeId === '1') {
            report.votes.accepted++;
            // The dump gives the vote's day only: never earlier than the answer itself. Same value every run.
            const updated: unknown[] = await runner.query(
              `WITH acceptance AS (
                 UPDATE answer_acceptances aa SET accepted_at = GREATEST($2::timestamptz, a.created_at)
                   FROM answers a WHERE a.id = aa.answer_id AND aa.answer_id = $1 AND aa.withdrawn_at IS NULL
                 RETURNING aa.question_id, aa.accepted_at)
               UPDATE questions q SET solved_at = acceptance.accepted_at FROM acceptance WHERE q.id = acceptance.question_id RETURNING q.id`,
              [post, date(v.CreationDate)],
            );
            if (updated.length === 0) skip('acceptance vote on an answer that is not the accepted one');
          } else report.votes.other++;
        }
      }, (row) => [['answer', row.attributes.PostId], ['question', row.attributes.PostId]]);
    }

    if (existsSync(file('Comments.xml'))) {
      await pass('Comments.xml', 'comments', async (rows, mappings) => {
        const answerIds = rows.map((r) => mappings.get('answer', r.attributes.PostId)).filter((id): id is string => id !== undefined);
        const questionOf = new Map<string, string>(
          answerIds.length === 0
            ? []
            : (await runner.query(`SELECT id::text, question_id::text FROM answers WHERE id = ANY($1::bigint[])`, [answerIds])).map(
                (r: { id: string; question_id: string }) => [r.id, r.question_id],
              ),
        );
        for (const { attributes: c } of rows) {
          if (mappings.get('comment', c.Id)) {
            report.alreadyImported.comments++;
            continue;
          }
          const onQuestion = mappings.get('question', c.PostId);
          const onAnswer = mappings.get('answer', c.PostId);
          const questionId = onQuestion ?? (onAnswer ? questionOf.get(onAnswer) : undefined);
          if (!questionId) {
            skip('comment on a post not imported');
            continue;
          }
          const by = await author(mappings, c.UserId, c.UserDisplayName);
          const body = (c.Text ?? '').trim();
          const createdAt = date(c.CreationDate) ?? new Date();
          const [{ id }] = await runner.query(
            `INSERT INTO comments (question_id, target_type, target_id, author_id, author_kind, body, body_html, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id::text`,
            [questionId, onQuestion ? 'QUESTION' : 'ANSWER', onQuestion ?? onAnswer, by.id, authorKindFor(mappings.affiliation(by.id)), body, renderMarkdown(body, { imageHosts: options.imageHosts }), createdAt],
          );
          await mappings.write(runner, 'comment', c.Id, id);
          await attribute('COMMENT', id, c.UserDisplayName ?? (await displayName(runner, by.id)), c.ContentLicense, null);
          report.imported.comments++;
        }
      }, (row) => [['comment', row.attributes.Id], ['question', row.attributes.PostId], ['answer', row.attributes.PostId], ...authorKeys(row.attributes.UserId, row.attributes.UserDisplayName)]);
    }

    const [{ missing }] = await runner.query(
      `SELECT count(*)::int AS missing FROM import_mappings m JOIN questions q ON q.id = m.target_id
        WHERE m.source = $1 AND m.kind = 'accepted-answer' AND q.accepted_answer_id IS NULL`,
      [source],
    );
    if (missing > 0) report.skipped['accepted answer not in the dump'] = missing;
    if (dryRun) await runner.rollbackTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
  report.seconds = (Date.now() - startedAt) / 1000;
  return report;
}

async function displayName(runner: QueryRunner, userId: string): Promise<string> {
  const [row] = await runner.query(`SELECT display_name FROM users WHERE id = $1`, [userId]);
  return row?.display_name ?? 'Unknown user';
}

async function ensureCategory(runner: QueryRunner, slug: string, name: string): Promise<string> {
  const [existing] = await runner.query(`SELECT id::text FROM categories WHERE slug = $1`, [slug]);
  if (existing) return existing.id;
  const [created] = await runner.query(
    `INSERT INTO categories (name, slug, description) VALUES ($1, $2, $3)
     ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id::text`,
    [name.slice(0, 80), slug, `Questions and answers imported from ${name}.`.slice(0, 500)],
  );
  return created.id;
}
