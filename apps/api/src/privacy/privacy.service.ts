import { Inject, Injectable } from '@nestjs/common';
import { forbidden, unauthenticated, validationFailed } from '@peerdesk/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Passwords } from '../auth/passwords';
import { SessionsRepository } from '../auth/sessions.repository';
import { type Clock, CLOCK } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { Transactions } from '../database/transactions';
import { QuestionsRepository } from '../questions/questions.repository';
import { TrustRepository } from '../trust/trust.repository';
import { UsersRepository } from '../users/users.repository';
import { EmailOutboxRepository } from '../notifications/email-outbox.repository';
import { NotificationsRepository } from '../notifications/notifications.repository';
import { PrivateConversationsRepository } from '../private-conversations/private-conversations.repository';
import { type MemberDataExport, PrivacyRepository } from './privacy.repository';

/** What a deleted account is called wherever its posts are shown. */
export const DELETED_MEMBER_NAME = 'Deleted member';

/** A member's privacy rights: a copy of everything stored about them, and deleting their account. */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly db: DataSource,
    private readonly transactions: Transactions,
    private readonly privacy: PrivacyRepository,
    private readonly notifications: NotificationsRepository,
    private readonly outbox: EmailOutboxRepository,
    private readonly users: UsersRepository,
    private readonly questions: QuestionsRepository,
    private readonly sessions: SessionsRepository,
    private readonly trust: TrustRepository,
    private readonly privateConversations: PrivateConversationsRepository,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly passwords: Passwords,
  ) {}

  /** One consistent snapshot of the viewer's data. */
  async exportData(viewer: Viewer): Promise<{ exportedAt: string } & MemberDataExport> {
    const data = await this.db.transaction('REPEATABLE READ', (em) => this.privacy.exportFor(em, viewer.id));
    return { exportedAt: this.clock.now().toISOString(), ...data };
  }

  /**
   * Asks for the password again (a signed-in browser left open must not be enough), then, in one
   * transaction, erases what identifies the member and what they did privately (sessions, watches,
   * notifications, queued mail, reading history, the messages they wrote to our team), recorded in the audit log without it. The user row
   * stays for their posts, votes and acceptances, under DELETED_MEMBER_NAME: threads stay whole and no
   * report figure moves.
   */
  async deleteAccount(viewer: Viewer, password: string): Promise<void> {
    await this.transactions.run(async (em) => {
      const account = await this.users.lockLiveWithPasswordHash(em, viewer.id);
      if (!account) throw unauthenticated('Please sign in again.');
      if (!(await this.passwords.verify(account.passwordHash, password))) {
        throw validationFailed([{ field: 'password', message: 'That is not your password.' }]);
      }
      if (account.role === 'ADMIN' && (await this.users.otherLiveAdmins(em, viewer.id)) === 0) {
        throw forbidden('You are the only administrator. Make someone else an administrator before you delete your account.');
      }
      const now = this.clock.now();
      await this.users.erase(em, viewer.id, DELETED_MEMBER_NAME, now);
      await this.notifications.deleteAllOf(em, viewer.id);
      await this.outbox.discardFor(em, viewer.id);
      await this.questions.forgetViewer(em, viewer.id);
      await this.trust.forgetVisits(em, viewer.id);
      await this.privateConversations.deleteMessagesBy(em, viewer.id);
      await this.sessions.endAll(em, viewer.id);
      await this.audit.record(em, {
        actorId: viewer.id, action: 'ACCOUNT_DELETED', targetType: 'USER', targetId: viewer.id, before: { role: account.role }, after: null, at: now,
      });
    });
  }
}
