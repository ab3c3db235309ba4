import { existsSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { importedThreadStatus } from '@peerdesk/domain';
import { AnswersRepository } from '../answers/answers.repository';
import { CategoriesRepository } from '../categories/categories.repository';
import { type Clock, CLOCK, SystemClock } from '../common/clock';
import { CommentsRepository } from '../comments/comments.repository';
import { QuestionsRepository } from '../questions/questions.repository';
import type { SearchEngine } from '../search/search-engine';
import { UsersRepository } from '../users/users.repository';
import { ImportMappings } from './import-mappings';
import { type AttributionTargetType, ImporterRepository, type NewAttribution } from './importer.repository';
import {
  type AuthorRef, attributionName, authorKeys, commentAuthor, DEFAULT_LICENCE, type DumpRow, dumpDate, type ImportedAuthor, importedAnswer,
  importedComment, importedQuestion, importedUser, type MappingKey, placeholderKey, placeholderUser, postAuthor, siteFromFolder,
} from './stackexchange-dump';
import { countRows, xmlRowBatches } from './xml-rows';

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

/** One import in progress: its options made concrete, how it writes, and its report so far. */
interface ImportRun {
  dir: string;
  source: string;
  employees: ReadonlySet<string>;
  batchSize: number;
  options: StackExchangeImportOptions;
  report: ImportReport;
  /** Statements outside any batch (the category, the final check). */
  outside: EntityManager;
  /** Runs one batch's writes, together with their mappings, in one transaction. */
  inBatch: (work: (em: EntityManager) => Promise<void>) => Promise<void>;
}

/** Thrown to roll a dry run back once its counts are in. */
class DryRunDone extends Error {}

function emptyCounts(): Record<Kind, number> {
  return { users: 0, questions: 0, answers: 0, acceptances: 0, comments: 0 };
}

function skip(run: ImportRun, reason: string): void {
  run.report.skipped[reason] = (run.report.skipped[reason] ?? 0) + 1;
}

/**
 * Imports one Stack Exchange site dump into a category. Each file is streamed; rows are written in
 * batches, each batch in one transaction together with its `import_mappings` rows, so a second run
 * changes nothing and an interrupted run resumes where the last committed batch ended.
 *
 * Posts.xml is read twice (questions, then answers), so an answer always finds its question whatever
 * the order of the file. Imported threads get their status from the domain's state machine
 * (`importedThreadStatus`) and no community deadline (`community_due_at` null): they are history, and
 * the escalation sweep must not send years-old threads to staff. Dates come from the dump; the clock
 * only stands in for a date the dump lacks.
 */
@Injectable()
export class StackExchangeImporter {
  constructor(
    private readonly db: DataSource,
    private readonly imports: ImporterRepository,
    private readonly categories: CategoriesRepository,
    private readonly users: UsersRepository,
    private readonly questions: QuestionsRepository,
    private readonly answers: AnswersRepository,
    private readonly comments: CommentsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async import(options: StackExchangeImportOptions): Promise<ImportReport> {
    const dir = path.resolve(options.dir);
    const posts = path.join(dir, 'Posts.xml');
    if (!existsSync(posts)) throw new Error(`${posts} not found: point --dir at the folder of one site's dump.`);
    const source = options.site ?? siteFromFolder(dir);
    const dryRun = options.dryRun ?? false;
    // Elapsed time for the report and the progress bar: real time, whatever the clock says.
    const startedAt = Date.now();
    const report: ImportReport = {
      source, categoryId: '', dryRun, rows: 0, seconds: 0, imported: emptyCounts(), alreadyImported: emptyCounts(), skipped: {},
      votes: { up: 0, down: 0, accepted: 0, other: 0 },
    };
    const run = (outside: EntityManager, inBatch: ImportRun['inBatch']): ImportRun => ({
      dir, source, employees: new Set(options.employees ?? []), batchSize: options.batchSize ?? DEFAULT_BATCH, options, report, outside, inBatch,
    });

    if (dryRun) {
      // All the work in one transaction, rolled back: the counts are the real ones.
      await this.db
        .transaction(async (em) => {
          await this.importFiles(run(em, (work) => work(em)));
          throw new DryRunDone();
        })
        .catch((error: unknown) => {
          if (!(error instanceof DryRunDone)) throw error;
        });
    } else {
      await this.importFiles(
        run(this.db.manager, (work) =>
          this.db.transaction(async (em) => {
            await this.imports.deferReportFactsToCommit(em);
            await work(em);
          }),
        ),
      );
    }
    report.seconds = (Date.now() - startedAt) / 1000;
    return report;
  }

  private async importFiles(run: ImportRun): Promise<void> {
    const { options, source } = run;
    const name = options.categoryName ?? source;
    run.report.categoryId = await this.categories.findOrCreateBySlug(
      run.outside, options.category ?? 'community', name.slice(0, 80), `Questions and answers imported from ${name}.`.slice(0, 500),
    );
    const has = (file: string) => existsSync(path.join(run.dir, file));

    if (has('Users.xml')) await this.pass(run, 'Users.xml', 'users', (u) => [['user', u.Id]], (em, rows, m) => this.importUsers(run, em, rows, m));
    await this.pass(run, 'Posts.xml', 'questions', questionKeys, (em, rows, m) => this.importQuestions(run, em, rows, m));
    await this.pass(run, 'Posts.xml', 'answers', answerKeys, (em, rows, m) => this.importAnswers(run, em, rows, m));
    if (has('Votes.xml')) await this.pass(run, 'Votes.xml', 'votes', (v) => [['answer', v.PostId], ['question', v.PostId]], (em, rows, m) => this.countVotes(run, em, rows, m));
    if (has('Comments.xml')) await this.pass(run, 'Comments.xml', 'comments', commentKeys, (em, rows, m) => this.importComments(run, em, rows, m));

    const missing = await this.imports.countAcceptedAnswersMissing(run.outside, source);
    if (missing > 0) run.report.skipped['accepted answer not in the dump'] = missing;
  }

  /** Streams one file in batches; `step` writes a batch in its transaction, with the mappings its rows need (`keys`). */
  private async pass(
    run: ImportRun,
    file: string,
    label: string,
    keys: (row: DumpRow) => MappingKey[],
    step: (em: EntityManager, rows: DumpRow[], mappings: ImportMappings) => Promise<void>,
  ): Promise<void> {
    const filePath = path.join(run.dir, file);
    const total = await countRows(filePath);
    const startedAt = Date.now();
    let done = 0;
    for await (const batch of xmlRowBatches(filePath, run.batchSize)) {
      const rows = batch.map((row) => row.attributes);
      await run.inBatch(async (em) => {
        const mappings = new ImportMappings(await this.imports.findMappings(em, run.source, rows.flatMap(keys)));
        await step(em, rows, mappings);
        await this.imports.insertMappings(em, run.source, mappings.takeUnsaved());
      });
      done += rows.length;
      run.report.rows += rows.length;
      run.options.onProgress?.({ file: label, done, total, startedAt });
      if (run.options.signal?.aborted) throw new Error(`Import stopped after ${done} rows of ${label}; run it again to resume.`);
    }
  }

  /** The rows not imported yet, by an earlier run or earlier in the batch; the others are counted as already imported. */
  private notYetImported(run: ImportRun, rows: DumpRow[], mappings: ImportMappings, kind: string, counted: Kind): DumpRow[] {
    const seen = new Set<string>();
    return rows.filter((row) => {
      if (mappings.get(kind, row.Id) !== undefined || seen.has(row.Id)) {
        run.report.alreadyImported[counted]++;
        return false;
      }
      seen.add(row.Id);
      return true;
    });
  }

  private async importUsers(run: ImportRun, em: EntityManager, rows: DumpRow[], mappings: ImportMappings): Promise<void> {
    const fresh = this.notYetImported(run, rows, mappings, 'user', 'users');
    const now = this.clock.now();
    const users = fresh.map((u) => importedUser(u, run.employees, now));
    const ids = await this.users.insertImported(em, users);
    fresh.forEach((u, i) => mappings.addAccount(u.Id, { id: ids[i], displayName: users[i].displayName, affiliation: users[i].affiliation }));
    run.report.imported.users += ids.length;
  }

  /**
   * The account of each author: the mapped dump user, else a placeholder for one the dump no longer has
   * (one per name, created together).
   */
  private async authorsOf(run: ImportRun, em: EntityManager, mappings: ImportMappings, refs: AuthorRef[]): Promise<ImportedAuthor[]> {
    const accountOf = (ref: AuthorRef) => mappings.get('user', ref.userId) ?? mappings.get('user', placeholderKey(ref));
    const missing = new Map<string, AuthorRef>();
    for (const ref of refs) if (accountOf(ref) === undefined) missing.set(placeholderKey(ref), ref);
    const now = this.clock.now();
    const placeholders = [...missing.values()].map((ref) => placeholderUser(ref, now));
    const ids = await this.users.insertImported(em, placeholders);
    [...missing.keys()].forEach((key, i) => mappings.addAccount(key, { id: ids[i], displayName: placeholders[i].displayName, affiliation: placeholders[i].affiliation }));
    run.report.imported.users += ids.length;
    return refs.map((ref) => mappings.account(accountOf(ref)!));
  }

  private attribution(
    run: ImportRun, targetType: AttributionTargetType, targetId: string, by: AuthorRef, author: ImportedAuthor, licence: string | undefined, url: string | null,
  ): NewAttribution {
    return { targetType, targetId, source: run.source, authorName: attributionName(by, author), licence: licence || DEFAULT_LICENCE, url };
  }

  /** Pass 1 over Posts.xml: the questions (PostTypeId 1); answers wait for pass 2, other types are counted as skipped. */
  private async importQuestions(run: ImportRun, em: EntityManager, rows: DumpRow[], mappings: ImportMappings): Promise<void> {
    const questionRows = rows.filter((p) => {
      if (p.PostTypeId !== '1' && p.PostTypeId !== '2') skip(run, `post of type ${p.PostTypeId} (neither question nor answer)`);
      return p.PostTypeId === '1';
    });
    const fresh = this.notYetImported(run, questionRows, mappings, 'question', 'questions');
    const authors = await this.authorsOf(run, em, mappings, fresh.map(postAuthor));
    const now = this.clock.now();
    const { categoryId } = run.report;
    const imageHosts = run.options.imageHosts;
    const ids = await this.questions.insertImported(em, fresh.map((p, i) => importedQuestion(p, { categoryId, author: authors[i], now, imageHosts })));
    fresh.forEach((p, i) => {
      mappings.add('question', p.Id, ids[i]);
      // Remembered for pass 2: the answer with this dump id is the one this question accepted.
      if (p.AcceptedAnswerId) mappings.add('accepted-answer', p.AcceptedAnswerId, ids[i]);
    });
    await this.imports.insertAttributions(
      em, fresh.map((p, i) => this.attribution(run, 'QUESTION', ids[i], postAuthor(p), authors[i], p.ContentLicense, `https://${run.source}/q/${p.Id}`)),
    );
    run.report.imported.questions += ids.length;
    await run.options.searchIndex.documentsChanged(em, ids);
  }

  /** Pass 2 over Posts.xml: the answers (PostTypeId 2), the acceptances, and the status of the threads they join. */
  private async importAnswers(run: ImportRun, em: EntityManager, rows: DumpRow[], mappings: ImportMappings): Promise<void> {
    const fresh = this.notYetImported(run, rows.filter((p) => p.PostTypeId === '2'), mappings, 'answer', 'answers').filter((p) => {
      if (mappings.get('question', p.ParentId)) return true;
      skip(run, 'answer whose question is not in the dump');
      return false;
    });
    const authors = await this.authorsOf(run, em, mappings, fresh.map(postAuthor));
    const now = this.clock.now();
    const imageHosts = run.options.imageHosts;
    const answers = fresh.map((p, i) => importedAnswer(p, { questionId: mappings.get('question', p.ParentId)!, author: authors[i], now, imageHosts }));
    const ids = await this.answers.insertImported(em, answers);
    fresh.forEach((p, i) => mappings.add('answer', p.Id, ids[i]));
    await this.imports.insertAttributions(
      em, fresh.map((p, i) => this.attribution(run, 'ANSWER', ids[i], postAuthor(p), authors[i], p.ContentLicense, `https://${run.source}/a/${p.Id}`)),
    );
    run.report.imported.answers += ids.length;

    // Accepted when answered, until Votes.xml tells the day of the acceptance vote.
    const acceptances = answers.flatMap((answer, i) =>
      mappings.get('accepted-answer', fresh[i].Id) === answer.questionId ? [{ questionId: answer.questionId, answerId: ids[i], acceptedAt: answer.createdAt }] : [],
    );
    await this.questions.recordImportedAcceptances(em, acceptances);
    await this.answers.insertImportedAcceptances(em, acceptances);
    run.report.imported.acceptances += acceptances.length;

    const touched = [...new Set(answers.map((answer) => answer.questionId))];
    await this.deriveThreads(em, touched);
    await run.options.searchIndex.documentsChanged(em, touched);
  }

  /**
   * Imported threads' status and answer figures, from their facts now. The status is their history replayed
   * through the API's state machine; "closed" is the dump's closing, which the questions' pass wrote as CLOSED.
   */
  private async deriveThreads(em: EntityManager, questionIds: string[]): Promise<void> {
    const facts = await this.questions.importedThreadFacts(em, questionIds);
    await this.questions.updateImportedThreads(
      em,
      facts.map((f) => ({
        id: f.id,
        status: importedThreadStatus({ answerCount: f.answerCount, hasAcceptedAnswer: f.hasAcceptedAnswer, closed: f.status === 'CLOSED' }),
        answerCount: f.answerCount,
        hasPeerAnswer: f.hasPeerAnswer,
      })),
    );
  }

  /** Votes.xml: counted, except acceptance votes, which give the day each acceptance happened. */
  private async countVotes(run: ImportRun, em: EntityManager, rows: DumpRow[], mappings: ImportMappings): Promise<void> {
    const { votes } = run.report;
    const acceptanceVotes: Array<{ answerId: string | undefined; on: Date | null }> = [];
    for (const v of rows) {
      const answerId = mappings.get('answer', v.PostId);
      if (answerId === undefined && mappings.get('question', v.PostId) === undefined) {
        skip(run, 'vote on a post not imported');
        continue;
      }
      if (v.VoteTypeId === '2') votes.up++;
      else if (v.VoteTypeId === '3') votes.down++;
      else if (v.VoteTypeId === '1') {
        votes.accepted++;
        acceptanceVotes.push({ answerId, on: dumpDate(v.CreationDate) });
      } else votes.other++;
    }
    // The dump gives the vote's day only: never earlier than the answer itself, the same value every run;
    // of two votes on one answer the later in the file wins, as when they were applied one by one.
    const dayOf = new Map(acceptanceVotes.flatMap((v) => (v.answerId === undefined ? [] : [[v.answerId, v.on] as const])));
    const moved = await this.answers.redateImportedAcceptances(em, [...dayOf].map(([answerId, on]) => ({ answerId, on })));
    await this.questions.redateImportedSolved(em, moved);
    const movedAnswers = new Set(moved.map((m) => m.answerId));
    for (const v of acceptanceVotes) {
      if (v.answerId === undefined || !movedAnswers.has(v.answerId)) skip(run, 'acceptance vote on an answer that is not the accepted one');
    }
  }

  private async importComments(run: ImportRun, em: EntityManager, rows: DumpRow[], mappings: ImportMappings): Promise<void> {
    const fresh = this.notYetImported(run, rows, mappings, 'comment', 'comments');
    const onAnswers = fresh.flatMap((c) => mappings.get('answer', c.PostId) ?? []);
    const questionOf = await this.answers.findQuestionIds(em, onAnswers);
    const placed = fresh.flatMap((c) => {
      const onQuestion = mappings.get('question', c.PostId);
      const onAnswer = mappings.get('answer', c.PostId);
      const questionId = onQuestion ?? (onAnswer ? questionOf.get(onAnswer) : undefined);
      if (!questionId) {
        skip(run, 'comment on a post not imported');
        return [];
      }
      return [{ row: c, questionId, target: onQuestion ? { type: 'QUESTION' as const, id: onQuestion } : { type: 'ANSWER' as const, id: onAnswer! } }];
    });
    const authors = await this.authorsOf(run, em, mappings, placed.map((p) => commentAuthor(p.row)));
    const now = this.clock.now();
    const imageHosts = run.options.imageHosts;
    const ids = await this.comments.insertImported(
      em, placed.map((p, i) => importedComment(p.row, { questionId: p.questionId, target: p.target, author: authors[i], now, imageHosts })),
    );
    placed.forEach((p, i) => mappings.add('comment', p.row.Id, ids[i]));
    await this.imports.insertAttributions(
      em, placed.map((p, i) => this.attribution(run, 'COMMENT', ids[i], commentAuthor(p.row), authors[i], p.row.ContentLicense, null)),
    );
    run.report.imported.comments += ids.length;
  }
}

/** The mappings each file's rows need. */
const questionKeys = (p: DumpRow): MappingKey[] => (p.PostTypeId === '1' ? [['question', p.Id], ...authorKeys(postAuthor(p))] : []);
const answerKeys = (p: DumpRow): MappingKey[] =>
  p.PostTypeId === '2' ? [['answer', p.Id], ['question', p.ParentId ?? ''], ['accepted-answer', p.Id], ...authorKeys(postAuthor(p))] : [];
const commentKeys = (c: DumpRow): MappingKey[] => [['comment', c.Id], ['question', c.PostId], ['answer', c.PostId], ...authorKeys(commentAuthor(c))];

/** The importer outside Nest (the CLI, the demo seed, the tests): its repositories on `dataSource`, time from `clock`. */
export function importStackExchange(dataSource: DataSource, options: StackExchangeImportOptions, clock: Clock = new SystemClock()): Promise<ImportReport> {
  const questions = new QuestionsRepository(dataSource);
  const importer = new StackExchangeImporter(
    dataSource,
    new ImporterRepository(dataSource),
    new CategoriesRepository(dataSource),
    new UsersRepository(dataSource),
    questions,
    new AnswersRepository(dataSource, questions),
    new CommentsRepository(dataSource),
    clock,
  );
  return importer.import(options);
}
