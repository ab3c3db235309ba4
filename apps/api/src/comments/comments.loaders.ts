import { Injectable } from '@nestjs/common';
import type { LoaderDefinition } from '../common/loaders';
import type { CommentEntity } from './comment.entity';
import { CommentsRepository } from './comments.repository';

/**
 * The live comments of a thread (its question's and its answers'), oldest first, by question id: a thread page's
 * comments in one statement, each post taking its own from them.
 */
@Injectable()
export class ThreadCommentsLoader implements LoaderDefinition<string, CommentEntity[]> {
  constructor(private readonly comments: CommentsRepository) {}

  batch(questionIds: readonly string[]): Promise<CommentEntity[][]> {
    return this.comments.liveInThreads(questionIds);
  }
}
