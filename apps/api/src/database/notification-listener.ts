import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { backoffSeconds, errorText } from '../common/jobs/retry';

export interface NotificationHandlers {
  /** A notification on the channel (a committed transaction's NOTIFY, delivered in commit order). */
  onNotify(payload: string): void;
  /** Listening (again): from now on no notification is missed. */
  onListening(): void;
  /** The connection is gone: notifications are missed until the next onListening. */
  onLost(): void;
}

/** How caughtUp()'s own notifications begin. */
const MARKER = 'caught-up:';

/** The longest wait between attempts to reconnect. */
const MAX_RECONNECT_SECONDS = 30;

/**
 * LISTENs on one channel over a connection of its own (outside the pool: a pooled connection would be handed
 * to requests). A lost connection is reported and reconnected, after one second, then twice as long each
 * time up to MAX_RECONNECT_SECONDS.
 */
export class NotificationListener {
  private readonly logger = new Logger(NotificationListener.name);
  private client: Client | null = null;
  private failures = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** caughtUp() calls waiting for their own notification to come back. */
  private readonly markers = new Map<string, () => void>();

  constructor(
    private readonly url: string,
    private readonly channel: string,
    private readonly handlers: NotificationHandlers,
  ) {}

  /** Connects and listens; a failure is logged and retried in the background (the caller never waits for the database). */
  start(): Promise<void> {
    this.stopped = false;
    return this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  get listening(): boolean {
    return this.client !== null;
  }

  /**
   * Resolves once every notification committed before the call has been handled: notifications arrive in
   * commit order, so a marker sent now comes back after them. Rejects when not listening.
   */
  async caughtUp(): Promise<void> {
    const client = this.client;
    if (!client) throw new Error(`Not listening on ${this.channel}`);
    const marker = `${MARKER}${randomUUID()}`;
    const back = new Promise<void>((resolve) => this.markers.set(marker, resolve));
    await client.query('SELECT pg_notify($1, $2)', [this.channel, marker]);
    await back;
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.url, keepAlive: true, application_name: `peerdesk listen ${this.channel}` });
    client.on('notification', (message) => {
      if (message.channel !== this.channel) return;
      const payload = message.payload ?? '';
      // Markers are caughtUp()'s, this listener's or another process's: never a change.
      if (!payload.startsWith(MARKER)) return this.handlers.onNotify(payload);
      this.markers.get(payload)?.();
      this.markers.delete(payload);
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.channel)}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.retry(error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.failures = 0;
    this.handlers.onListening();
  }

  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.handlers.onLost();
    client.end().catch(() => undefined);
    this.retry(error);
  }

  private retry(error: unknown): void {
    if (this.stopped) return;
    this.failures++;
    const seconds = backoffSeconds({ baseSeconds: 1, maxDelaySeconds: MAX_RECONNECT_SECONDS }, this.failures);
    this.logger.warn(`Not listening on ${this.channel} (${errorText(error)}); trying again in ${seconds} s`);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, seconds * 1000);
    this.timer.unref();
  }
}
