import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import {
  type FlagTargetType, holdsNewMemberPost, NEW_MEMBER_HOLD, type PostHold, type RecentPost, type SpamCheckPost, silencedHold, spamCheckExempt, spamHold, standingOf, type TrustLevel,
} from '@peerdesk/domain';
import { AnswersRepository } from '../answers/answers.repository';
import { CLOCK, type Clock } from '../common/clock';
import { CommentsRepository } from '../comments/comments.repository';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { QuestionsRepository } from '../questions/questions.repository';
import { SpamRulesRepository } from '../spam/spam-rules.repository';
import { UsersRepository } from './users.repository';

/** The post an edit rewrites. */
export interface EditedPost {
  targetType: FlagTargetType;
  targetId: string;
}

/**
 * Whether the post a member is writing waits for a moderator, in this order: a silenced member's always
 * (until the silence ends); one the spam checks hold (links over the trust level's allowance, a repeat
 * within SPAM_REPEAT_WINDOW_MINUTES, a blocked word or link domain); a NEW member's first
 * NEW_MEMBER_REVIEW_POSTS. The questions, answers and comments services ask it inside their writing
 * transaction; the rules are `standingOf` (standing.ts), `spamHold` (spam-checks.ts) and `holdsNewMemberPost` (moderation.ts).
 *
 * An edit of an approved post is asked too (`edited`), so a post cannot be approved and then rewritten into
 * spam: a silence and the spam checks hold it, the first-posts count does not (an edit is no new post), and
 * the repeat check compares it with the author's other recent posts, never with its own earlier text (fixing
 * a typo is no repeat).
 */
@Injectable()
export class PostingHold implements OnModuleInit {
  /** The posts' owners read the author's recent bodies; their modules import this one, so they are looked up once started. */
  private recent!: { questions: QuestionsRepository; answers: AnswersRepository; comments: CommentsRepository };

  constructor(
    private readonly users: UsersRepository,
    private readonly spamRules: SpamRulesRepository,
    private readonly modules: ModuleRef,
    @Inject(CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.recent = {
      questions: this.modules.get(QuestionsRepository, { strict: false }),
      answers: this.modules.get(AnswersRepository, { strict: false }),
      comments: this.modules.get(CommentsRepository, { strict: false }),
    };
  }

  async holdFor(em: EntityManager, author: Viewer, post: SpamCheckPost, edited: EditedPost | null = null): Promise<PostHold | null> {
    const now = this.clock.now();
    const { silence } = standingOf(author, now);
    if (silence) return silencedHold(silence);
    const isEmployee = author.affiliation === 'EMPLOYEE';
    const reviewPosts = edited ? 0 : this.config.newMemberReviewPosts;
    if (spamCheckExempt({ role: author.role, isEmployee }) || (!this.config.spamChecks && reviewPosts === 0)) return null;
    // One check at a time per author, each seeing the posts the one before committed: else two identical
    // posts sent at once both pass the repeat check (and a NEW member's two first posts both count as
    // their first). The caller already holds its post's question and answer rows (lock order 1–2), and
    // whoever holds this lock goes on to take only locks later in the order (its own post's rows, users,
    // report facts), never a question or answer row a waiter holds: so waiting here cannot close a cycle.
    await this.users.lockPostingOf(em, author.id);
    const record = await this.users.postingRecord(em, author.id);
    if (!record) return null;

    const spam = this.config.spamChecks && await this.spamCheck(em, author, isEmployee, record.trustLevel, post, now, edited);
    if (spam) return spam;

    if (reviewPosts === 0) return null;
    const held = holdsNewMemberPost({ role: author.role, isEmployee, trustLevel: record.trustLevel, priorPosts: record.priorPosts }, reviewPosts);
    return held ? NEW_MEMBER_HOLD : null;
  }

  private async spamCheck(
    em: EntityManager, author: Viewer, isEmployee: boolean, trustLevel: TrustLevel, post: SpamCheckPost, now: Date, edited: EditedPost | null,
  ): Promise<PostHold | null> {
    const window = this.config.spamRepeatWindowMinutes;
    const rules = await this.spamRules.all(em);
    const recentPosts: RecentPost[] = [];
    if (window > 0) {
      const since = new Date(now.getTime() - window * 60_000);
      for (const [targetType, owner] of [['QUESTION', this.recent.questions], ['ANSWER', this.recent.answers], ['COMMENT', this.recent.comments]] as const) {
        recentPosts.push(...await owner.recentBodiesBy(em, author.id, since, edited?.targetType === targetType ? edited.targetId : null));
      }
    }
    return spamHold({ role: author.role, isEmployee, trustLevel }, post, { rules, recentPosts, repeatWindowMinutes: window, now });
  }
}
