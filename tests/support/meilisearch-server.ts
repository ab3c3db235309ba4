import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  bundledMeilisearchBinary, freeLoopbackPort, type MeilisearchServer, startMeilisearch,
} from '../../apps/api/src/search/meilisearch-server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The environment a TestApp needs to use a Meilisearch (engine, host, key, an index of its own). */
export interface MeilisearchEnv {
  SEARCH_ENGINE: 'meilisearch';
  MEILI_HOST: string;
  MEILI_MASTER_KEY: string;
  MEILI_INDEX: string;
}

/** A real Meilisearch from the bundled binary, with its data in a temp folder; it can be stopped and started again on the same port and data. */
export class BundledMeilisearch {
  private server: MeilisearchServer | null = null;

  private constructor(
    private readonly binary: string,
    private readonly dbPath: string,
    readonly port: number,
    readonly masterKey: string,
  ) {}

  /** Fails with the reason when the binary is missing (it is a Linux x64 build): the suite must never skip silently. */
  static async start(): Promise<BundledMeilisearch> {
    const server = new BundledMeilisearch(
      bundledMeilisearchBinary(ROOT),
      mkdtempSync(path.join(tmpdir(), 'peerdesk-test-meili-')),
      await freeLoopbackPort(),
      randomBytes(24).toString('hex'),
    );
    await server.resume();
    return server;
  }

  get host(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  env(index = uniqueIndex()): MeilisearchEnv {
    return { SEARCH_ENGINE: 'meilisearch', MEILI_HOST: this.host, MEILI_MASTER_KEY: this.masterKey, MEILI_INDEX: index };
  }

  /** Stops the process; its data stays for `resume`. */
  async halt(): Promise<void> {
    await this.server?.stop();
    this.server = null;
  }

  async resume(): Promise<void> {
    this.server = await startMeilisearch({
      binary: this.binary, dbPath: this.dbPath, port: this.port, masterKey: this.masterKey, environment: 'development',
    });
  }

  /** Stops it and removes its data. */
  async dispose(): Promise<void> {
    await this.halt();
    rmSync(this.dbPath, { recursive: true, force: true });
  }
}

function uniqueIndex(): string {
  return `peerdesk_test_${randomBytes(6).toString('hex')}`;
}

/**
 * The Meilisearch a test file uses: MEILI_HOST (and MEILI_MASTER_KEY) from the environment when set,
 * else a bundled server of the file's own. Either way an index no other file uses, removed at the end.
 */
export async function testMeilisearch(): Promise<{ env: MeilisearchEnv; stop(): Promise<void> }> {
  const external = process.env.MEILI_HOST?.trim();
  if (external) {
    const env: MeilisearchEnv = {
      SEARCH_ENGINE: 'meilisearch', MEILI_HOST: external, MEILI_MASTER_KEY: process.env.MEILI_MASTER_KEY ?? '', MEILI_INDEX: uniqueIndex(),
    };
    return {
      env,
      stop: async () => {
        await fetch(`${external.replace(/\/+$/, '')}/indexes/${env.MEILI_INDEX}`, {
          method: 'DELETE', headers: env.MEILI_MASTER_KEY ? { authorization: `Bearer ${env.MEILI_MASTER_KEY}` } : {},
        });
      },
    };
  }
  const server = await BundledMeilisearch.start();
  return { env: server.env(), stop: () => server.dispose() };
}
