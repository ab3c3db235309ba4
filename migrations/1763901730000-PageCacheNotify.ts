import type { MigrationInterface, QueryRunner } from 'typeorm';
import { applyRuleFiles } from './rule-files';

/** What the public pages read: a write to any of them empties the API instances' page caches at commit. */
const PAGE_TABLES = [
  'answers', 'comments', 'categories', 'votes', 'answer_acceptances', 'answer_endorsements', 'post_revisions', 'post_attributions',
  'escalations', 'escalation_events', 'announcement', 'category_announcements', 'users', 'private_conversations',
];

/**
 * Anonymous page views are served from each API instance's cache (page-cache/), emptied by `NOTIFY page_cache`
 * (page-cache/sql/page-cache-notify.sql), sent at commit by triggers on every table the public pages read.
 * Questions notify for each updated row whose view count stayed: a flush of buffered views changes only that.
 */
export class PageCacheNotify1763901730000 implements MigrationInterface {
  name = 'PageCacheNotify1763901730000';

  async up(db: QueryRunner): Promise<void> {
    await applyRuleFiles(db, ['page-cache/sql/page-cache-notify.sql']);
    for (const table of [...PAGE_TABLES, 'questions']) {
      const ops = table === 'questions' ? 'INSERT OR DELETE OR TRUNCATE' : 'INSERT OR UPDATE OR DELETE OR TRUNCATE';
      await db.query(`CREATE TRIGGER ${table}_page_cache AFTER ${ops} ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION page_cache_notify()`);
    }
    await db.query(`
      CREATE TRIGGER questions_page_cache_update AFTER UPDATE ON questions
        FOR EACH ROW WHEN (OLD.view_count IS NOT DISTINCT FROM NEW.view_count) EXECUTE FUNCTION page_cache_notify()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TRIGGER questions_page_cache_update ON questions`);
    for (const table of [...PAGE_TABLES, 'questions']) await db.query(`DROP TRIGGER ${table}_page_cache ON ${table}`);
    await db.query(`DROP FUNCTION page_cache_notify()`);
  }
}
