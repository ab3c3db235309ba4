import type { Logger } from 'typeorm';

/** One statement as sent: its text and the parameters bound to it. */
export interface SentStatement {
  text: string;
  parameters: unknown[];
}

/**
 * A TypeORM logger that only records the statements its DataSource sends (COUNT_SQL_STATEMENTS=on, tests
 * only, and the bench's capture of a page's SQL): how the tests prove that a page's statements stay the same whatever its size, and (with their
 * parameters) how the plan test explains each one as it ran.
 */
export class StatementCounter implements Logger {
  /** The statements with their parameters, in the order sent: a statement sent once per row shows as one text repeated. */
  readonly statements: SentStatement[] = [];

  logQuery(query: string, parameters?: unknown[]): void {
    this.statements.push({ text: query, parameters: parameters ?? [] });
  }

  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
