import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that only counts the statements its DataSource sends (COUNT_SQL_STATEMENTS=on, tests
 * only, and the bench's capture of a page's SQL): how the tests prove that a page's statements stay the same whatever its size.
 */
export class StatementCounter implements Logger {
  count = 0;
  /** Each statement's text, in the order sent: a statement sent once per row shows as one text repeated. */
  readonly texts: string[] = [];
  /** Each statement's parameters, beside its text: the bench replays a page's statements through pg as its SQL floor. */
  readonly parameters: Array<unknown[] | undefined> = [];

  logQuery(query: string, parameters?: unknown[]): void {
    this.count++;
    this.texts.push(query);
    this.parameters.push(parameters);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
