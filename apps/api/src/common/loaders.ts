import DataLoader from 'dataloader';
import { DataSource, In, ObjectLiteral, EntityTarget } from 'typeorm';
import { AnswerEntity } from '../answers/answer.entity';
import { CategoryEntity } from '../categories/category.entity';
import type { CommentEntity } from '../comments/comment.entity';
import { type CommentTarget, liveCommentsOn, targetKey } from '../comments/comments.repository';
import type { AttributionRow } from '../importer/attribution.model';
import { QuestionEntity } from '../questions/question.entity';
import { UserEntity } from '../users/user.entity';

/** Per-request batching: a page of questions loads its authors in one query, not one each. */
export interface Loaders {
  user: DataLoader<string, UserEntity | null>;
  category: DataLoader<string, CategoryEntity | null>;
  answer: DataLoader<string, AnswerEntity | null>;
  question: DataLoader<string, QuestionEntity | null>;
  /** Live comments of a question or an answer, oldest first: a thread page's posts in one query. */
  commentsOn: DataLoader<CommentTarget, CommentEntity[], string>;
  /** Attribution of imported posts (null for posts written here). */
  attribution: DataLoader<AttributionTarget, AttributionRow | null, string>;
}

export interface AttributionTarget {
  targetType: 'QUESTION' | 'ANSWER' | 'COMMENT';
  targetId: string;
}

function attributionKey(target: AttributionTarget): string {
  return `${target.targetType}:${target.targetId}`;
}

async function attributionsOf(db: DataSource, targets: readonly AttributionTarget[]): Promise<Array<AttributionRow | null>> {
  const rows: AttributionRow[] = await db.query(
    `SELECT pa.target_type, pa.target_id::text, pa.source, pa.author_name, pa.licence, pa.url
       FROM post_attributions pa
       JOIN unnest($1::text[], $2::bigint[]) AS t(target_type, target_id) USING (target_type, target_id)`,
    [targets.map((t) => t.targetType), targets.map((t) => t.targetId)],
  );
  const found = new Map(rows.map((row) => [`${row.target_type}:${row.target_id}`, row]));
  return targets.map((t) => found.get(attributionKey(t)) ?? null);
}

function byId<T extends ObjectLiteral & { id: string }>(db: DataSource, entity: EntityTarget<T>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await db.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

export function createLoaders(db: DataSource): Loaders {
  return {
    user: byId(db, UserEntity),
    category: byId(db, CategoryEntity),
    answer: byId(db, AnswerEntity),
    question: byId(db, QuestionEntity),
    commentsOn: new DataLoader((targets) => liveCommentsOn(db, targets), { cacheKeyFn: targetKey }),
    attribution: new DataLoader((targets) => attributionsOf(db, targets), { cacheKeyFn: attributionKey }),
  };
}
