import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import type { RecentPost, AuthorKind, ModerationState, PostHold } from '@peerdesk/domain';
import type { PostTargetType } from '../common/enums';
import { CommentEntity } from './comment.entity';
import { entityColumns } from '../database/plain-rows';

/** What the author writes, where, and who they were when they wrote it. */
export type NewComment = Pick<CommentEntity, 'questionId' | 'targetType' | 'targetId' | 'authorId' | 'authorKind' | 'body' | 'bodyHtml'>;

/** Owner of comments. */
@Injectable()
export class CommentsRepository {
  constructor(private readonly db: DataSource) {}

  /** The bodies of an author's comments since a time (held, hidden and deleted ones too), for the spam checks' repeat check; `exceptId`: the post being edited. */
  async recentBodiesBy(em: EntityManager, authorId: string, since: Date, exceptId: string | null): Promise<RecentPost[]> {
    const rows: Array<{ body: string; created_at: Date }> = await em.query(
      `SELECT body, created_at FROM comments WHERE author_id = $1 AND created_at >= $2 AND id IS DISTINCT FROM $3 ORDER BY created_at DESC LIMIT 50`,
      [authorId, since, exceptId],
    );
    return rows.map((row) => ({ body: row.body, createdAt: row.created_at }));
  }

  findLive(em: EntityManager, id: string): Promise<CommentEntity | null> {
    return em.findOneBy(CommentEntity, { id, deletedAt: IsNull() });
  }

  /** Comments brought in by an import, in one statement; their ids in the order of `rows` (inserted, and numbered, in that order). */
  async insertImported(
    em: EntityManager,
    rows: ReadonlyArray<{
      questionId: string; targetType: PostTargetType; targetId: string; authorId: string; authorKind: AuthorKind; body: string; bodyHtml: string; createdAt: Date;
    }>,
  ): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted: Array<{ id: string }> = await em.query(
      `INSERT INTO comments (question_id, target_type, target_id, author_id, author_kind, body, body_html, created_at, updated_at)
       SELECT r.question_id, r.target_type, r.target_id, r.author_id, r.author_kind, r.body, r.body_html, r.created_at, r.created_at
         FROM json_to_recordset($1::json) AS r(ord int, question_id bigint, target_type text, target_id bigint, author_id bigint, author_kind text,
              body text, body_html text, created_at timestamptz)
        ORDER BY r.ord
       RETURNING id::text`,
      [JSON.stringify(rows.map((r, ord) => ({
        ord, question_id: r.questionId, target_type: r.targetType, target_id: r.targetId, author_id: r.authorId, author_kind: r.authorKind,
        body: r.body, body_html: r.bodyHtml, created_at: r.createdAt,
      })))],
    );
    return inserted.map((r) => r.id).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
  }

  async insert(em: EntityManager, comment: NewComment, at: Date, hold: PostHold | null = null): Promise<CommentEntity> {
    const inserted = await em.insert(CommentEntity, {
      ...comment, createdAt: at, updatedAt: at,
      ...(hold ? { moderationState: 'HELD' as const, moderationReason: hold.reason, published: false } : {}),
    });
    return em.findOneByOrFail(CommentEntity, { id: String(inserted.identifiers[0].id) });
  }

  /** Sets the comment's text and returns it as it is now. */
  async edit(em: EntityManager, id: string, body: string, bodyHtml: string, at: Date): Promise<CommentEntity> {
    await em.update(CommentEntity, { id }, { body, bodyHtml, updatedAt: at });
    return em.findOneByOrFail(CommentEntity, { id });
  }

  /** Soft delete: the row stays, with who removed it. */
  async markDeleted(em: EntityManager, id: string, by: string, at: Date): Promise<void> {
    await em.update(CommentEntity, { id }, { deletedAt: at, deletedBy: by });
  }

  /** Sets the comment's moderation state and the reason its author reads; `published` once it has been shown. */
  async setModeration(em: EntityManager, id: string, state: ModerationState, reason: string | null, published: boolean): Promise<void> {
    await em.update(CommentEntity, { id }, { moderationState: state, moderationReason: reason, published });
  }

  /** Comments on these answers follow them to another question (a merge); the caller holds both questions' locks. */
  async moveWithAnswers(em: EntityManager, answerIds: readonly string[], toQuestionId: string): Promise<void> {
    if (answerIds.length === 0) return;
    await em.query(`UPDATE comments SET question_id = $2 WHERE target_type = 'ANSWER' AND target_id = ANY($1::bigint[])`, [answerIds, toQuestionId]);
  }

  /**
   * The live comments of each of these threads (on the question and on its answers), oldest first, in one
   * statement (comments_question): a thread page's comments on all its posts at once, so their authors load with
   * the answers' authors. Held and hidden ones too, which the resolver shows to their author and the moderators only.
   */
  async liveInThreads(questionIds: readonly string[]): Promise<CommentEntity[][]> {
    const rows: CommentEntity[] = await this.db.query(
      `SELECT ${entityColumns(this.db, CommentEntity, 'c')} FROM comments c
        WHERE c.question_id = ANY($1::bigint[]) AND c.deleted_at IS NULL
        ORDER BY c.question_id, c.created_at, c.id`,
      [questionIds]);
    const byThread = new Map<string, CommentEntity[]>();
    for (const row of rows) byThread.set(row.questionId, [...(byThread.get(row.questionId) ?? []), row]);
    return questionIds.map((id) => byThread.get(id) ?? []);
  }
}
