import { MigrationInterface, QueryRunner } from 'typeorm';

/** In-app notifications, watches, the e-mail preference and outbox, outbound webhooks and their deliveries. */
export class Notifications1763900300000 implements MigrationInterface {
  name = 'Notifications1763900300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE users
        ADD COLUMN notification_email text NOT NULL DEFAULT 'IN_APP_ONLY'
          CHECK (notification_email IN ('IN_APP_ONLY', 'IMMEDIATE', 'DAILY_DIGEST')),
        ADD COLUMN digest_sent_at timestamptz`);

    await db.query(`
      CREATE TABLE notifications (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id     bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind        text NOT NULL,
        question_id bigint REFERENCES questions(id),
        actor_id    bigint REFERENCES users(id),
        payload     jsonb NOT NULL DEFAULT '{}',
        -- Millisecond precision, like the app's clock, so keyset cursors round-trip exactly.
        created_at  timestamptz(3) NOT NULL,
        read_at     timestamptz
      )`);
    await db.query(`CREATE INDEX notifications_user_newest ON notifications (user_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX notifications_user_unread ON notifications (user_id) WHERE read_at IS NULL`);

    await db.query(`
      CREATE TABLE watches (
        user_id     bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        target_type text NOT NULL CHECK (target_type IN ('QUESTION', 'CATEGORY')),
        target_id   bigint NOT NULL,
        created_at  timestamptz NOT NULL,
        PRIMARY KEY (user_id, target_type, target_id)
      )`);
    await db.query(`CREATE INDEX watches_target ON watches (target_type, target_id)`);

    // Written in the transaction that created the notification, sent later by a worker: never lost.
    await db.query(`
      CREATE TABLE email_outbox (
        id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        notification_id bigint REFERENCES notifications(id) ON DELETE SET NULL,
        user_id         bigint REFERENCES users(id) ON DELETE CASCADE,
        to_address      text NOT NULL,
        subject         text NOT NULL,
        body            text NOT NULL,
        status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_error      text,
        created_at      timestamptz NOT NULL,
        sent_at         timestamptz
      )`);
    await db.query(`CREATE INDEX email_outbox_due ON email_outbox (next_attempt_at, id) WHERE status = 'PENDING'`);

    await db.query(`
      CREATE TABLE webhooks (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        url         text NOT NULL,
        secret      text NOT NULL,
        events      text[] NOT NULL,
        created_by  bigint REFERENCES users(id),
        created_at  timestamptz NOT NULL
      )`);

    await db.query(`
      CREATE TABLE webhook_deliveries (
        id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        webhook_id      bigint NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        event           text NOT NULL,
        -- The exact bytes that are signed and POSTed (text, not jsonb, which would reorder keys).
        payload         text NOT NULL,
        status          text NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        attempts        integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL,
        last_status     integer,
        last_error      text,
        created_at      timestamptz NOT NULL,
        delivered_at    timestamptz
      )`);
    await db.query(`CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at, id) WHERE status = 'PENDING'`);
    await db.query(`CREATE INDEX webhook_deliveries_webhook ON webhook_deliveries (webhook_id, id DESC)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['webhook_deliveries', 'webhooks', 'email_outbox', 'watches', 'notifications']) await db.query(`DROP TABLE ${table}`);
    await db.query(`ALTER TABLE users DROP COLUMN digest_sent_at, DROP COLUMN notification_email`);
  }
}
