import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface ReviewSuspension {
  userId: string;
  /** The moderator's note: what the suspended member is told. */
  reason: string;
  moderatorId: string;
  at: Date;
}

/**
 * The review queue's SUSPEND_AUTHOR decision calls this, in the review's transaction, after hiding the post and
 * recording the decision (audit action REVIEW_AUTHOR_SUSPENDED). Suspension itself (until when, what a suspended
 * member may do) belongs to the users module: wire `suspendForReview` to its suspension use case there
 * (`suspendUser`), with the same transaction. Until then the decision is recorded and the post hidden, and nothing
 * else happens to the account.
 */
@Injectable()
export class AuthorSuspension {
  async suspendForReview(_em: EntityManager, _suspension: ReviewSuspension): Promise<void> {
    // Seam for the users module's suspendUser (see the class comment).
  }
}
