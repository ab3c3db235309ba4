import { Injectable } from '@nestjs/common';
import type { LoaderDefinition } from '../common/loaders';
import type { PostRevisionEntity, PostType } from './post-revision.entity';
import { RevisionsRepository } from './revisions.repository';

export interface RevisedPost {
  postType: PostType;
  postId: string;
}

/** A post's edits, newest first: a thread page's histories in one statement. */
@Injectable()
export class RevisionsOfLoader implements LoaderDefinition<RevisedPost, PostRevisionEntity[]> {
  constructor(private readonly revisions: RevisionsRepository) {}

  batch(posts: readonly RevisedPost[]): Promise<PostRevisionEntity[][]> {
    return this.revisions.ofPosts(posts);
  }

  cacheKey(post: RevisedPost): string {
    return `${post.postType}:${post.postId}`;
  }
}
