import { EntityManager } from 'typeorm';
import { PostRevisionEntity, type PostType } from './post-revision.entity';

export interface PostSnapshot {
  title?: string | null;
  body: string;
  tags?: string[] | null;
}

/** Keeps the text a post had before an edit, written in the edit's own transaction. */
export async function keepRevision(
  em: EntityManager,
  postType: PostType,
  postId: string,
  before: PostSnapshot,
  editorId: string,
  at: Date,
): Promise<void> {
  await em.insert(PostRevisionEntity, {
    postType,
    postId,
    editorId,
    title: before.title ?? null,
    body: before.body,
    tags: before.tags ?? null,
    createdAt: at,
  });
}
