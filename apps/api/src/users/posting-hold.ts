import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { holdsNewMemberPost, NEW_MEMBER_HOLD, type PostHold, silencedHold, standingOf } from '@peerdesk/domain';
import { CLOCK, type Clock } from '../common/clock';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { UsersRepository } from './users.repository';

/**
 * Whether the post a member is writing waits for a moderator: a silenced member's always (until the silence
 * ends), a NEW member's first NEW_MEMBER_REVIEW_POSTS. The questions, answers and comments services ask it
 * inside their writing transaction; the rules are `standingOf` (standing.ts) and `holdsNewMemberPost` (moderation.ts).
 */
@Injectable()
export class PostingHold {
  constructor(
    private readonly users: UsersRepository,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async holdFor(em: EntityManager, author: Viewer): Promise<PostHold | null> {
    const { silence } = standingOf(author, this.clock.now());
    if (silence) return silencedHold(silence);
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
