import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { PostRevisionEntity, type PostType } from './post-revision.entity';

/** The text of a post as it was, before an edit. */
export interface PostSnapshot {
  title?: string | null;
  body: string;
  tags?: string[] | null;
}

/** Owner of post_revisions: the earlier versions of questions and answers. */
@Injectable()
export class RevisionsRepository {
  constructor(private readonly db: DataSource) {}

  /** Keeps the text a post had before an edit, written in the edit's own transaction. */
  async keep(em: EntityManager, postType: PostType, postId: string, before: PostSnapshot, editorId: string, at: Date, reason: string | null = null): Promise<void> {
    await em.insert(PostRevisionEntity, {
      postType,
      postId,
      editorId,
      title: before.title ?? null,
      body: before.body,
      tags: before.tags ?? null,
      createdAt: at,
      reason,
    });
  }

  /** Each post's edits, newest first (one statement for a page's posts). */
  async ofPosts(posts: ReadonlyArray<{ postType: PostType; postId: string }>): Promise<PostRevisionEntity[][]> {
    if (posts.length === 0) return [];
    const rows = await this.db.getRepository(PostRevisionEntity)
      .createQueryBuilder('r')
      .where(`(r.post_type, r.post_id) IN (SELECT * FROM unnest(CAST(:types AS text[]), CAST(:ids AS bigint[])))`, {
        types: posts.map((p) => p.postType), ids: posts.map((p) => p.postId),
      })
      .orderBy('r.created_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getMany();
    return posts.map((p) => rows.filter((r) => r.postType === p.postType && r.postId === p.postId));
  }
}
