import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that only counts the statements its DataSource sends (COUNT_SQL_STATEMENTS=on, tests
 * only): how the tests prove that a page's statements stay the same whatever its size.
 */
export class StatementCounter implements Logger {
  count = 0;
  /** Each statement's text, in the order sent: a statement sent once per row shows as one text repeated. */
  readonly texts: string[] = [];

  logQuery(query: string): void {
    this.count++;
    this.texts.push(query);
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
