import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accounts, sessions, audit log, categories, questions, answers, acceptances, votes, revisions. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE users (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email         text,
        display_name  text NOT NULL,
        password_hash text,
        role          text NOT NULL DEFAULT 'MEMBER'
                      CHECK (role IN ('MEMBER', 'MODERATOR', 'STAFF', 'MANAGER', 'ADMIN')),
        affiliation   text NOT NULL DEFAULT 'COMMUNITY' CHECK (affiliation IN ('COMMUNITY', 'EMPLOYEE')),
        reputation    integer NOT NULL DEFAULT 0,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        -- Staff, managers and admins are employees whatever else changes.
        CONSTRAINT users_employee_roles CHECK (role NOT IN ('STAFF', 'MANAGER', 'ADMIN') OR affiliation = 'EMPLOYEE')
      )`);
    // Imported accounts have no e-mail; real ones are unique whatever their case.
    await db.query(`CREATE UNIQUE INDEX users_email_unique ON users (lower(email)) WHERE email IS NOT NULL`);

    await db.query(`
      CREATE TABLE sessions (
        id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        user_id      bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        token_hash   text NOT NULL UNIQUE,
        created_at   timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX sessions_user ON sessions (user_id)`);
    await db.query(`CREATE INDEX sessions_expires ON sessions (expires_at)`);

    await db.query(`
      CREATE TABLE login_failures (
        id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        email      text NOT NULL,
        failed_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX login_failures_email_time ON login_failures (email, failed_at)`);

    await db.query(`
      CREATE TABLE audit_log (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        actor_id    bigint REFERENCES users(id),
        action      text NOT NULL,
        target_type text NOT NULL,
        target_id   text NOT NULL,
        before      jsonb,
        after       jsonb,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX audit_log_target ON audit_log (target_type, target_id, created_at)`);

    await db.query(`
      CREATE TABLE categories (
        id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        name                 text NOT NULL,
        slug                 text NOT NULL UNIQUE,
        description          text NOT NULL DEFAULT '',
        peer_window_hours    integer NOT NULL DEFAULT 24 CHECK (peer_window_hours BETWEEN 1 AND 720),
        staff_response_hours integer NOT NULL DEFAULT 4 CHECK (staff_response_hours BETWEEN 1 AND 720),
        created_at           timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE questions (
        id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        category_id        bigint NOT NULL REFERENCES categories(id),
        author_id          bigint NOT NULL REFERENCES users(id),
        title              text NOT NULL,
        body               text NOT NULL,
        body_html          text NOT NULL,
        tags               text[] NOT NULL DEFAULT '{}',
        status             text NOT NULL DEFAULT 'OPEN'
                           CHECK (status IN ('OPEN', 'ANSWERED', 'SOLVED', 'ESCALATED', 'CLOSED')),
        score              integer NOT NULL DEFAULT 0,
        view_count         integer NOT NULL DEFAULT 0,
        answer_count       integer NOT NULL DEFAULT 0,
        accepted_answer_id bigint,
        solved_at          timestamptz,
        -- Millisecond precision, like the app's clock, so keyset cursors round-trip exactly.
        created_at         timestamptz(3) NOT NULL,
        updated_at         timestamptz(3) NOT NULL,
        last_activity_at   timestamptz(3) NOT NULL,
        deleted_at         timestamptz
      )`);
    // Keyset pagination for each ordering: (sort key, id) descending.
    await db.query(`CREATE INDEX questions_newest ON questions (created_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX questions_activity ON questions (last_activity_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX questions_score ON questions (score DESC, id DESC) WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX questions_category_newest ON questions (category_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await db.query(`CREATE INDEX questions_author ON questions (author_id, created_at DESC)`);
    await db.query(`CREATE INDEX questions_tags ON questions USING gin (tags)`);

    await db.query(`
      CREATE TABLE answers (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        question_id bigint NOT NULL REFERENCES questions(id),
        author_id   bigint NOT NULL REFERENCES users(id),
        -- Fixed from the author's affiliation when the answer was written; never rewritten.
        author_kind text NOT NULL CHECK (author_kind IN ('PEER', 'STAFF')),
        body        text NOT NULL,
        body_html   text NOT NULL,
        score       integer NOT NULL DEFAULT 0,
        created_at  timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL,
        deleted_at  timestamptz,
        deleted_by  bigint REFERENCES users(id)
      )`);
    await db.query(`CREATE INDEX answers_question ON answers (question_id, created_at)`);
    await db.query(`CREATE INDEX answers_author ON answers (author_id, created_at DESC)`);
    await db.query(`
      ALTER TABLE questions ADD CONSTRAINT questions_accepted_answer
        FOREIGN KEY (accepted_answer_id) REFERENCES answers(id)`);

    // Every acceptance and its withdrawal, so a report "as of" a past moment sees what was true then.
    await db.query(`
      CREATE TABLE answer_acceptances (
        id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        question_id   bigint NOT NULL REFERENCES questions(id),
        answer_id     bigint NOT NULL REFERENCES answers(id),
        accepted_by   bigint NOT NULL REFERENCES users(id),
        accepted_at   timestamptz NOT NULL,
        withdrawn_by  bigint REFERENCES users(id),
        withdrawn_at  timestamptz
      )`);
    await db.query(`CREATE INDEX answer_acceptances_question ON answer_acceptances (question_id, accepted_at)`);
    await db.query(`
      CREATE UNIQUE INDEX answer_acceptances_one_current ON answer_acceptances (question_id)
        WHERE withdrawn_at IS NULL`);

    await db.query(`
      CREATE TABLE votes (
        user_id     bigint NOT NULL REFERENCES users(id),
        target_type text NOT NULL CHECK (target_type IN ('QUESTION', 'ANSWER')),
        target_id   bigint NOT NULL,
        value       smallint NOT NULL CHECK (value IN (-1, 1)),
        created_at  timestamptz NOT NULL,
        updated_at  timestamptz NOT NULL,
        PRIMARY KEY (user_id, target_type, target_id)
      )`);
    await db.query(`CREATE INDEX votes_target ON votes (target_type, target_id)`);

    await db.query(`
      CREATE TABLE post_revisions (
        id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        post_type   text NOT NULL CHECK (post_type IN ('QUESTION', 'ANSWER')),
        post_id     bigint NOT NULL,
        editor_id   bigint REFERENCES users(id),
        title       text,
        body        text NOT NULL,
        tags        text[],
        created_at  timestamptz NOT NULL
      )`);
    await db.query(`CREATE INDEX post_revisions_post ON post_revisions (post_type, post_id, created_at)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE questions DROP CONSTRAINT questions_accepted_answer`);
    const newestFirst = ['post_revisions', 'votes', 'answer_acceptances', 'answers', 'questions', 'categories',
      'audit_log', 'login_failures', 'sessions', 'users'];
    for (const table of newestFirst) await db.query(`DROP TABLE ${table}`);
  }
}
