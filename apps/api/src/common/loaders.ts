import DataLoader from 'dataloader';
import { DataSource, In, ObjectLiteral, EntityTarget } from 'typeorm';
import { AnswerEntity } from '../answers/answer.entity';
import { CategoryEntity } from '../categories/category.entity';
import type { CommentEntity } from '../comments/comment.entity';
import { type CommentTarget, liveCommentsOn, targetKey } from '../comments/comments.repository';
import { UserEntity } from '../users/user.entity';

/** Per-request batching: a page of questions loads its authors in one query, not one each. */
export interface Loaders {
  user: DataLoader<string, UserEntity | null>;
  category: DataLoader<string, CategoryEntity | null>;
  answer: DataLoader<string, AnswerEntity | null>;
  /** Live comments of a question or an answer, oldest first: a thread page's posts in one query. */
  commentsOn: DataLoader<CommentTarget, CommentEntity[], string>;
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
    commentsOn: new DataLoader((targets) => liveCommentsOn(db, targets), { cacheKeyFn: targetKey }),
  };
}
