import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { holdsNewMemberPost, NEW_MEMBER_HOLD, type PostHold } from '@peerdesk/domain';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { UsersRepository } from './users.repository';

/**
 * The first-post hold (NEW_MEMBER_REVIEW_POSTS): whether the post a member is writing waits for a moderator.
 * The questions, answers and comments services ask it inside their writing transaction; the rule is
 * `holdsNewMemberPost` in packages/domain/src/moderation.ts.
 */
@Injectable()
export class FirstPostHold {
  constructor(
    private readonly users: UsersRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async holdFor(em: EntityManager, author: Viewer): Promise<PostHold | null> {
    const reviewPosts = this.config.newMemberReviewPosts;
    if (reviewPosts === 0 || author.affiliation === 'EMPLOYEE') return null;
    const record = await this.users.postingRecord(em, author.id);
    if (!record) return null;
    const held = holdsNewMemberPost(
      { role: author.role, isEmployee: false, trustLevel: record.trustLevel, priorPosts: record.priorPosts },
      reviewPosts,
    );
    return held ? NEW_MEMBER_HOLD : null;
  }
}
