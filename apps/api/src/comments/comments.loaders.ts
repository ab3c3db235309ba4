import { Injectable } from '@nestjs/common';
import type { LoaderDefinition } from '../common/loaders';
import type { CommentEntity } from './comment.entity';
import { type CommentTarget, CommentsRepository, targetKey } from './comments.repository';

/** The live comments of a question or an answer, oldest first: a thread page's posts in one statement. */
@Injectable()
export class CommentsOnLoader implements LoaderDefinition<CommentTarget, CommentEntity[]> {
  constructor(private readonly comments: CommentsRepository) {}

  batch(targets: readonly CommentTarget[]): Promise<CommentEntity[][]> {
    return this.comments.liveOn(targets);
  }

  cacheKey(target: CommentTarget): string {
    return targetKey(target);
  }
}
