import { Inject, Injectable } from '@nestjs/common';
import { LIMITS, validationFailed } from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { CategoriesService } from '../categories/categories.service';
import { Transactions } from '../database/transactions';
import { AnnouncementRepository, type AnnouncementRow } from './announcement.repository';

@Injectable()
export class AnnouncementService {
  constructor(
    private readonly repository: AnnouncementRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly categories: CategoriesService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  current(): Promise<AnnouncementRow | null> {
    return this.repository.current();
  }

  /** An empty message takes the announcement down. A change is recorded in the audit log, the message as it was and became. */
  async set(message: string, userId: string): Promise<AnnouncementRow | null> {
    const text = checkAnnouncement(message);
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

  /** NOT_FOUND when there is no such category. */
  async currentInCategory(categoryId: string): Promise<AnnouncementRow | null> {
    const category = await this.categories.findById(categoryId);
    return this.currentInKnownCategory(category.id);
  }

  /** For a category already read (Category.announcement's parent): one statement less on its page. */
  currentInKnownCategory(categoryId: string): Promise<AnnouncementRow | null> {
    return this.repository.currentInCategory(categoryId);
  }

  /** The announcement pinned in one category, as `set` is for the site: empty takes it down; audited against the category. */
  async setInCategory(categoryId: string, message: string, userId: string): Promise<AnnouncementRow | null> {
    const text = checkAnnouncement(message);
    const category = await this.categories.findById(categoryId);
    const now = this.clock.now();
    return this.transactions.run(async (em) => {
      const was = await this.repository.lockInCategory(em, category.id);
      if (text) await this.repository.setInCategory(em, category.id, text, now, userId);
      else if (was) await this.repository.clearInCategory(em, category.id);
      if ((was?.message ?? null) !== (text || null)) {
        await this.audit.record(em, {
          actorId: userId, action: text ? 'CATEGORY_ANNOUNCEMENT_SET' : 'CATEGORY_ANNOUNCEMENT_CLEARED', targetType: 'CATEGORY', targetId: category.id,
          before: was ? { message: was.message } : null, after: text ? { message: text } : null, at: now,
        });
      }
      return text ? this.repository.currentInCategory(category.id, em) : null;
    });
  }
}

/** The message trimmed; empty means "take it down". */
function checkAnnouncement(message: string): string {
  const text = message.trim();
  if (text.length > LIMITS.announcement.max) {
    throw validationFailed([{ field: 'message', message: `Keep the announcement under ${LIMITS.announcement.max} characters (it has ${text.length}).` }]);
  }
  return text;
}
