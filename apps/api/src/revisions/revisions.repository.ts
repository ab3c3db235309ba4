import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
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
  /** Keeps the text a post had before an edit, written in the edit's own transaction. */
  async keep(em: EntityManager, postType: PostType, postId: string, before: PostSnapshot, editorId: string, at: Date): Promise<void> {
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
}
