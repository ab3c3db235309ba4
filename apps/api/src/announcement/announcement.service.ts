import { Inject, Injectable } from '@nestjs/common';
import { LIMITS, validationFailed } from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { AnnouncementRepository, type AnnouncementRow } from './announcement.repository';

@Injectable()
export class AnnouncementService {
  constructor(
    private readonly repository: AnnouncementRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  current(): Promise<AnnouncementRow | null> {
    return this.repository.current();
  }

  /** An empty message takes the announcement down. A change is recorded in the audit log, the message as it was and became. */
  async set(message: string, userId: string): Promise<AnnouncementRow | null> {
    const text = message.trim();
    if (text.length > LIMITS.announcement.max) {
      throw validationFailed([{ field: 'message', message: `Keep the announcement under ${LIMITS.announcement.max} characters (it has ${text.length}).` }]);
    }
    const now = this.clock.now();
    return this.transactions.run(async (em) => {
      const was = await this.repository.lockCurrent(em);
      if (text) await this.repository.set(em, text, now, userId);
      else if (was) await this.repository.clear(em);
      if ((was?.message ?? null) !== (text || null)) {
        await this.audit.record(em, {
          actorId: userId, action: text ? 'ANNOUNCEMENT_SET' : 'ANNOUNCEMENT_CLEARED', targetType: 'ANNOUNCEMENT', targetId: '1',
          before: was ? { message: was.message } : null, after: text ? { message: text } : null, at: now,
        });
      }
      return text ? this.repository.current(em) : null;
    });
  }
}
