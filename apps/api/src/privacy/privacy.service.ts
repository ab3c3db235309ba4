import { Inject, Injectable } from '@nestjs/common';
import { forbidden, unauthenticated, validationFailed } from '@peerdesk/domain';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { verifyPassword } from '../auth/passwords';
import { SessionsRepository } from '../auth/sessions.repository';
import { type Clock, CLOCK } from '../common/clock';
import type { Viewer } from '../common/viewer';
import { type MemberDataExport, PrivacyRepository } from './privacy.repository';

/** A member's privacy rights: a copy of everything stored about them, and deleting their account. */
@Injectable()
export class PrivacyService {
  constructor(
    private readonly db: DataSource,
    private readonly privacy: PrivacyRepository,
    private readonly audit: AuditService,
    private readonly sessions: SessionsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One consistent snapshot of the viewer's data. */
  async exportData(viewer: Viewer): Promise<{ exportedAt: string } & MemberDataExport> {
    const data = await this.db.transaction('REPEATABLE READ', (em) => this.privacy.exportFor(em, viewer.id));
    return { exportedAt: this.clock.now().toISOString(), ...data };
  }

  /**
   * Asks for the password again (a signed-in browser left open must not be enough), then erases the
   * account's personal data in one transaction, recorded in the audit log without it.
   */
  async deleteAccount(viewer: Viewer, password: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const account = await this.privacy.lockLiveAccount(em, viewer.id);
      if (!account) throw unauthenticated('Please sign in again.');
      if (!(await verifyPassword(account.passwordHash, password))) {
        throw validationFailed([{ field: 'password', message: 'That is not your password.' }]);
      }
      if (account.role === 'ADMIN' && (await this.privacy.otherLiveAdmins(em, viewer.id)) === 0) {
        throw forbidden('You are the only administrator. Make someone else an administrator before you delete your account.');
      }
      const now = this.clock.now();
      await this.privacy.eraseAccount(em, viewer.id, now);
      await this.sessions.endAll(em, viewer.id);
      await this.audit.record(em, {
        actorId: viewer.id, action: 'ACCOUNT_DELETED', targetType: 'USER', targetId: viewer.id, before: { role: account.role }, after: null, at: now,
      });
    });
  }
}
