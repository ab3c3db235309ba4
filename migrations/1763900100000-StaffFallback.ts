import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Escalation policy per category, the community clock per question, escalations and their events. */
export class StaffFallback1763900100000 implements MigrationInterface {
  name = 'StaffFallback1763900100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE categories
        ADD COLUMN unsolved_window_hours integer NOT NULL DEFAULT 72 CHECK (unsolved_window_hours BETWEEN 1 AND 720),
        ADD COLUMN fast_lane_peer_window_hours integer CHECK (fast_lane_peer_window_hours BETWEEN 1 AND 720),
        ADD COLUMN business_calendar jsonb NOT NULL DEFAULT '{"timeZone":"Europe/Dublin","week":{"mon":[{"start":"09:00","end":"17:00"}],"tue":[{"start":"09:00","end":"17:00"}],"wed":[{"start":"09:00","end":"17:00"}],"thu":[{"start":"09:00","end":"17:00"}],"fri":[{"start":"09:00","end":"17:00"}]},"holidays":[]}'`);

    // The community clock: when the next timeout trigger fires, and which. Null when nothing is due.
    await db.query(`
      ALTER TABLE questions
        ADD COLUMN is_first_question boolean NOT NULL DEFAULT false,
        ADD COLUMN has_peer_answer boolean NOT NULL DEFAULT false,
        ADD COLUMN community_due_at timestamptz(3),
        ADD COLUMN community_due_trigger text CHECK (community_due_trigger IN ('UNANSWERED_TIMEOUT', 'UNSOLVED_TIMEOUT'))`);
    // The sweep reads only what is due: cost in proportion to that, not to the forum.
    await db.query(`CREATE INDEX questions_community_due ON questions (community_due_at) WHERE community_due_at IS NOT NULL`);
    await db.query(`
      UPDATE questions q SET has_peer_answer = EXISTS (
        SELECT 1 FROM answers a WHERE a.question_id = q.id AND a.author_kind = 'PEER' AND a.deleted_at IS NULL)`);
    await db.query(`
      UPDATE questions q
         SET community_due_at = q.created_at + make_interval(hours => CASE WHEN q.has_peer_answer THEN c.unsolved_window_hours ELSE c.peer_window_hours END),
             community_due_trigger = CASE WHEN q.has_peer_answer THEN 'UNSOLVED_TIMEOUT' ELSE 'UNANSWERED_TIMEOUT' END
        FROM categories c
       WHERE c.id = q.category_id AND q.status IN ('OPEN', 'ANSWERED') AND q.deleted_at IS NULL`);

    await db.query(`
      CREATE TABLE escalations (
        id                      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        question_id             bigint NOT NULL REFERENCES questions(id),
        reason                  text NOT NULL CHECK (reason IN ('UNANSWERED_TIMEOUT', 'UNSOLVED_TIMEOUT', 'MODERATOR', 'ASKER_REQUEST')),
        note                    text,
        escalated_by            bigint REFERENCES users(id),
        escalated_at            timestamptz(3) NOT NULL,
        staff_response_hours    integer NOT NULL,
        -- Null while the staff clock is paused (waiting on the asker).
        staff_due_at            timestamptz(3),
        paused_since            timestamptz(3),
        assignee_id             bigint REFERENCES users(id),
        first_staff_response_at timestamptz(3),
        breached_at             timestamptz(3),
        closed_at               timestamptz(3),
        close_reason            text CHECK (close_reason IN ('SOLVED', 'RETURNED_TO_COMMUNITY', 'CLOSED'))
      )`);
    await db.query(`CREATE UNIQUE INDEX escalations_one_open ON escalations (question_id) WHERE closed_at IS NULL`);
    // Each timeout trigger escalates a question at most once, however many sweeps race.
    await db.query(`
      CREATE UNIQUE INDEX escalations_timeout_once ON escalations (question_id, reason)
        WHERE reason IN ('UNANSWERED_TIMEOUT', 'UNSOLVED_TIMEOUT')`);
    await db.query(`CREATE INDEX escalations_queue ON escalations (staff_due_at, id) WHERE closed_at IS NULL`);
    await db.query(`
      CREATE INDEX escalations_breach_due ON escalations (staff_due_at)
        WHERE closed_at IS NULL AND breached_at IS NULL AND first_staff_response_at IS NULL`);

    await db.query(`
      CREATE TABLE escalation_pauses (
        escalation_id bigint NOT NULL REFERENCES escalations(id),
        paused_at     timestamptz(3) NOT NULL,
        resumed_at    timestamptz(3),
        PRIMARY KEY (escalation_id, paused_at)
      )`);

    // Append-only history: what happened to each escalation, who did it, and why.
    await db.query(`
      CREATE TABLE escalation_events (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        escalation_id bigint NOT NULL REFERENCES escalations(id),
        question_id   bigint NOT NULL REFERENCES questions(id),
        type          text NOT NULL CHECK (type IN ('ESCALATED', 'ASSIGNED', 'RELEASED', 'NEEDS_INFO', 'RESUMED',
                                                    'STAFF_RESPONDED', 'BREACHED', 'RETURNED_TO_COMMUNITY', 'SOLVED', 'CLOSED')),
        reason        text,
        note          text,
        actor_id      bigint REFERENCES users(id),
        at            timestamptz(3) NOT NULL
      )`);
    await db.query(`CREATE INDEX escalation_events_question ON escalation_events (question_id, at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['escalation_events', 'escalation_pauses', 'escalations']) await db.query(`DROP TABLE ${table}`);
    await db.query(`ALTER TABLE questions DROP COLUMN is_first_question, DROP COLUMN has_peer_answer,
      DROP COLUMN community_due_at, DROP COLUMN community_due_trigger`);
    await db.query(`ALTER TABLE categories DROP COLUMN unsolved_window_hours, DROP COLUMN fast_lane_peer_window_hours,
      DROP COLUMN business_calendar`);
  }
}
