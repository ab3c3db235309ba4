import { once } from 'node:events';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { DataSource } from 'typeorm';

/**
 * Bulk loading for the scale seed: one COPY stream per table, all open at once on connections of their own
 * (PostgreSQL parses each on its own backend, so the tables load side by side), with the secondary indexes
 * dropped first and rebuilt after, and triggers off while copying (session_replication_role = replica: the
 * report-facts triggers and foreign-key checks; the seeder rebuilds what the triggers would have written, and
 * writes only rows whose references it made itself).
 */

/** Lines are gathered into chunks of about this many characters before they go down a stream. */
const CHUNK_CHARS = 256 * 1024;

function connectionOf(dataSource: DataSource): ConstructorParameters<typeof Client>[0] {
  // The fields of TypeORM's postgres options that say where the database is.
  const options = dataSource.options as { url?: string; host?: string; port?: number; username?: string; password?: unknown; database?: string };
  return options.url
    ? { connectionString: options.url }
    : { host: options.host, port: options.port, user: options.username, password: options.password as string | undefined, database: options.database };
}

/** A new connection to the data source's database, for work that must not hold one of its pool's. */
export async function connect(dataSource: DataSource): Promise<Client> {
  const client = new Client(connectionOf(dataSource));
  await client.connect();
  return client;
}

interface TableStream {
  client: Client;
  stream: ReturnType<typeof copyFrom>;
  buffer: string[];
  chars: number;
  rows: number;
  drained: Promise<unknown> | null;
  failed: Error | null;
}

export class CopyLoader {
  private readonly streams = new Map<string, TableStream>();
  private constructor() {}

  /** Opens a COPY stream for each table (columns in the order the lines give them). */
  static async open(dataSource: DataSource, tables: Record<string, readonly string[]>): Promise<CopyLoader> {
    const loader = new CopyLoader();
    try {
      for (const [table, columns] of Object.entries(tables)) {
        const client = await connect(dataSource);
        loader.streams.set(table, { client, stream: null!, buffer: [], chars: 0, rows: 0, drained: null, failed: null });
        await client.query('SET session_replication_role = replica');
        const entry = loader.streams.get(table)!;
        entry.stream = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
        entry.stream.on('error', (error: Error) => { entry.failed = error; });
      }
    } catch (error) {
      await loader.close();
      throw error;
    }
    return loader;
  }

  /** Queues one row (a COPY text line without its newline). */
  write(table: string, line: string): void {
    const entry = this.streams.get(table)!;
    entry.buffer.push(line);
    entry.chars += line.length + 1;
    entry.rows++;
    if (entry.chars >= CHUNK_CHARS) this.flush(entry);
  }

  private flush(entry: TableStream): void {
    if (entry.buffer.length === 0) return;
    const ok = entry.stream.write(entry.buffer.join('\n') + '\n');
    entry.buffer = [];
    entry.chars = 0;
    if (!ok && !entry.drained) entry.drained = once(entry.stream, 'drain').finally(() => { entry.drained = null; });
  }

  /** Waits while any stream is backed up (PostgreSQL is behind), so memory stays bounded. */
  async backpressure(): Promise<void> {
    for (const entry of this.streams.values()) {
      if (entry.failed) throw entry.failed;
      if (entry.drained) await entry.drained;
    }
  }

  /** Rows written so far, by table. */
  rows(): Record<string, number> {
    return Object.fromEntries([...this.streams].map(([table, entry]) => [table, entry.rows]));
  }

  totalRows(): number {
    let total = 0;
    for (const entry of this.streams.values()) total += entry.rows;
    return total;
  }

  /** Ends every stream (each COPY commits) and closes the connections. */
  async finish(): Promise<void> {
    try {
      await Promise.all([...this.streams.values()].map(async (entry) => {
        this.flush(entry);
        entry.stream.end();
        await once(entry.stream, 'finish');
        if (entry.failed) throw entry.failed;
      }));
    } finally {
      await this.close();
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.streams.values()].map((entry) => entry.client.end().catch(() => undefined)));
    this.streams.clear();
  }
}

export interface IndexDefinition {
  table: string;
  name: string;
  definition: string;
}

/** The tables' indexes that no constraint owns (primary keys and unique constraints stay while loading). */
export async function secondaryIndexes(dataSource: DataSource, tables: readonly string[]): Promise<IndexDefinition[]> {
  return dataSource.query(
    `SELECT i.tablename AS table, i.indexname AS name, i.indexdef AS definition
       FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = to_regclass(quote_ident(i.schemaname) || '.' || quote_ident(i.indexname)))
      ORDER BY i.tablename, i.indexname`,
    [tables],
  );
}

export async function dropIndexes(dataSource: DataSource, indexes: readonly IndexDefinition[]): Promise<void> {
  for (const index of indexes) await dataSource.query(`DROP INDEX ${quoteIdent(index.name)}`);
}

/** Recreates the indexes on `parallel` connections at once (one index build per backend), largest tables first as given. */
export async function createIndexes(dataSource: DataSource, indexes: readonly IndexDefinition[], parallel: number, onDone: () => void): Promise<void> {
  const queue = [...indexes];
  await Promise.all(Array.from({ length: Math.min(parallel, queue.length) }, async () => {
    const client = await connect(dataSource);
    try {
      await client.query(`SET maintenance_work_mem = '256MB'`);
      for (let index = queue.shift(); index; index = queue.shift()) {
        await client.query(index.definition);
        onDone();
      }
    } finally {
      await client.end();
    }
  }));
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;
