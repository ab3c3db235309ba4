import type { Logger } from 'typeorm';

/**
 * A TypeORM logger that only counts the statements its DataSource sends (COUNT_SQL_STATEMENTS=on, tests
 * only): how the tests prove that a page's statements stay the same whatever its size.
 */
export class StatementCounter implements Logger {
  count = 0;

  logQuery(): void {
    this.count++;
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
