import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuditAction, conflict, notFound, type TrustActivity, type TrustLevel, trustLevelFor, validationFailed } from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { checkId } from '../common/ids';
import type { Viewer } from '../common/viewer';
import type { AppConfig } from '../config/config';
import { CONFIG } from '../config/config.provider';
import { Transactions } from '../database/transactions';
import type { UserEntity } from '../users/user.entity';
import { UsersRepository } from '../users/users.repository';
import { ViewRecorder } from '../questions/view-recorder';
import { TrustRepository } from './trust.repository';

const BATCH_SIZE = 500;
/** The pass looks this far back past its watermark, so activity committed late (a long transaction) is not missed; re-evaluating is harmless. */
const OVERLAP_MS = 5 * 60_000;
const REASON_MAX = 500;

/** What a pass changed: member id → the level before and after. */
export type TrustLevelChanges = Array<{ userId: string; from: TrustLevel; to: TrustLevel }>;

/** "12 days visited, 104 questions read, 1 accepted answer, 230 reputation": why the rule moved a level, for the audit log. */
function describeActivity(a: TrustActivity): string {
  return `${a.daysVisited} days visited, ${a.postsRead} questions read, ${a.answersAccepted} accepted answers, ${a.reputation} reputation, ${a.flagsUpheld} flags upheld`;
}

/**
 * Trust levels: the automatic rule (packages/domain/src/trust-levels.ts, thresholds from configuration)
 * applied by a background pass over members whose activity changed, and a moderator's hand, which
 * locks the level until it is handed back.
 */
@Injectable()
export class TrustLevelsService {
  constructor(
    private readonly trust: TrustRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONFIG) private readonly config: AppConfig,
    /** Only its flush: a CLI process has no buffered views. */
    @Inject(ViewRecorder) private readonly views: Pick<ViewRecorder, 'flush'>,
  ) {}

  /** A signed-in member used a session on a new day (at most once a day per session; a second note the same day is nothing). */
  recordVisit(em: EntityManager | null, userId: string, at: Date): Promise<void> {
    return this.trust.recordVisit(em, userId, at);
  }

  /**
   * One pass over the members whose activity moved since the last pass, in one transaction that holds
   * the pass's state row (FOR UPDATE SKIP LOCKED): another API process meanwhile skips its pass (null).
   */
  async evaluateChanged(): Promise<TrustLevelChanges | null> {
    // Questions read count question_views: this instance's buffered views first (others' within their flush interval).
    await this.views.flush();
    return this.transactions.run(async (em) => {
      const watermark = await this.trust.claimPass(em);
      if (!watermark) return null;
      const until = this.clock.now();
      const since = new Date(watermark.getTime() - OVERLAP_MS);
      const changes: TrustLevelChanges = [];
      for (let after: string | null = null; ;) {
        const ids = await this.trust.changedSince(em, since, after, BATCH_SIZE);
        if (ids.length === 0) break;
        changes.push(...(await this.evaluate(em, ids, until)));
        after = ids[ids.length - 1];
      }
      await this.trust.setWatermark(em, until);
      return changes;
    });
  }

  /** Every live member (a CLI run, a test, or after changing the thresholds), batch by batch; harmless beside a running pass. */
  async evaluateAll(): Promise<TrustLevelChanges> {
    const changes: TrustLevelChanges = [];
    await this.views.flush();
    for (let after: string | null = null; ;) {
      const batch = await this.transactions.run(async (em) => {
        const ids = await this.trust.liveMembers(em, after, BATCH_SIZE);
        return { ids, changes: await this.evaluate(em, ids, this.clock.now()) };
      });
      if (batch.ids.length === 0) return changes;
      changes.push(...batch.changes);
      after = batch.ids[batch.ids.length - 1];
    }
  }

  /** Applies the rule to these members; a level locked by hand is left alone, and each change is audited (no actor: the rule). */
  private async evaluate(em: EntityManager, userIds: string[], now: Date): Promise<TrustLevelChanges> {
    const members = await this.trust.activityOf(em, userIds);
    const wanted = members
      .filter((m) => !m.locked)
      .map((m) => ({ member: m, to: trustLevelFor(m.activity, this.config.trustThresholds, m.trustLevel) }))
      .filter(({ member, to }) => to !== member.trustLevel);
    const applied = new Set(await this.users.applyAutomaticTrustLevels(em, wanted.map(({ member, to }) => ({ userId: member.userId, from: member.trustLevel, to })), now));
    const changes: TrustLevelChanges = [];
    for (const { member, to } of wanted) {
      if (!applied.has(member.userId)) continue;
      changes.push({ userId: member.userId, from: member.trustLevel, to });
      await this.audit.record(em, {
        actorId: null, action: 'TRUST_LEVEL_CHANGED', targetType: 'USER', targetId: member.userId,
        before: { trustLevel: member.trustLevel }, after: { trustLevel: to }, reason: `Automatic, from activity: ${describeActivity(member.activity)}`, at: now,
      });
    }
    return changes;
  }

  /** A moderator sets the level and locks it: the rule leaves it alone until unlockTrustLevel. Audited with the reason. */
  async setTrustLevel(actor: Viewer, userId: string, level: TrustLevel, reason: string): Promise<UserEntity> {
    const why = reason.trim();
    if (!why) throw validationFailed([{ field: 'reason', message: 'Say why the level is set by hand: the member and other moderators will read it.' }]);
    if (why.length > REASON_MAX) throw validationFailed([{ field: 'reason', message: `Keep the reason under ${REASON_MAX} characters.` }]);
    if (actor.id === userId) throw conflict("You can't set your own trust level; ask another moderator.");
    return this.change(actor, userId, 'TRUST_LEVEL_SET', () => ({ level, locked: true }), why);
  }

  /** Hands the level back to the rule (the level stays until the next pass moves it). Audited. */
  async unlockTrustLevel(actor: Viewer, userId: string): Promise<UserEntity> {
    return this.change(actor, userId, 'TRUST_LEVEL_UNLOCKED', (user) => ({ level: user.trustLevel, locked: false }), null);
  }

  private async change(
    actor: Viewer,
    userId: string,
    action: AuditAction,
    decide: (user: UserEntity) => { level: TrustLevel; locked: boolean },
    reason: string | null,
  ): Promise<UserEntity> {
    return this.transactions.run(async (em) => {
      const user = await this.users.lock(em, checkId(userId, 'user'));
      if (!user || user.deletedAt) throw notFound(`There is no user ${userId}.`);
      const { level, locked } = decide(user);
      const now = this.clock.now();
      await this.users.setTrustLevel(em, user.id, level, locked, now);
      await this.audit.record(em, {
        actorId: actor.id, action, targetType: 'USER', targetId: user.id,
        before: { trustLevel: user.trustLevel, locked: user.trustLevelLocked }, after: { trustLevel: level, locked }, reason, at: now,
      });
      return (await this.users.findById(em, user.id))!;
    });
  }
}
