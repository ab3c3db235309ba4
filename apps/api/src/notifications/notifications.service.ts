import { Inject, Injectable } from '@nestjs/common';
import { validationFailed } from '@peerdesk/domain';
import { CategoriesService } from '../categories/categories.service';
import type { CategoryEntity } from '../categories/category.entity';
import { CLOCK, type Clock } from '../common/clock';
import { isEntityId } from '../common/ids';
import { checkPageSize, decodeCursor, type Keyset } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import type { QuestionEntity } from '../questions/question.entity';
import { QuestionsService } from '../questions/questions.service';
import { UsersRepository } from '../users/users.repository';
import type { NotificationEmailPreference, NotificationRow } from './notification.model';
import { NotificationsRepository } from './notifications.repository';

const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** A viewer's own notifications, watches and e-mail preference: every query is scoped to viewer.id. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly repository: NotificationsRepository,
    private readonly questions: QuestionsService,
    private readonly categories: CategoriesService,
    private readonly users: UsersRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Up to `first + 1` rows (the extra one shows there is a next page), newest first, and how many there are in all. */
  async list(viewer: Viewer, first: number, after?: string | null): Promise<{ rows: NotificationRow[]; total: number }> {
    checkPageSize(first);
    let keyset: Keyset | null = null;
    if (after) {
      keyset = decodeCursor(after);
      if (typeof keyset.key !== 'string' || !ISO_MILLIS.test(keyset.key) || Number.isNaN(Date.parse(keyset.key))) {
        throw validationFailed([{ field: 'after', message: 'This cursor is not one the API handed out; start again from the first page.' }]);
      }
    }
    return this.repository.page(viewer.id, first, keyset);
  }

  /** The cursor of a listed notification: its keyset in the newest-first order. */
  keyOf(notification: NotificationRow): Keyset {
    return { key: notification.created_at.toISOString(), id: notification.id };
  }

  unreadCount(viewer: Viewer): Promise<number> {
    return this.repository.unreadCount(viewer.id);
  }

  /** No ids: all of the viewer's unread ones. Returns how many changed from unread to read. */
  async markRead(viewer: Viewer, ids: string[] | null | undefined): Promise<number> {
    if (ids) {
      const bad = ids.filter((id) => !isEntityId(id));
      if (bad.length) throw validationFailed([{ field: 'ids', message: `These are not notification ids: ${bad.slice(0, 5).join(', ')}.` }]);
      if (ids.length === 0) return 0;
    }
    return this.repository.markRead(viewer.id, ids ?? null, this.clock.now());
  }

  async watchQuestion(viewer: Viewer, questionId: string, watching: boolean): Promise<QuestionEntity> {
    const question = await this.questions.get(questionId);
    await this.repository.setWatching(viewer.id, 'QUESTION', question.id, watching, this.clock.now());
    return question;
  }

  async watchCategory(viewer: Viewer, categoryId: string, watching: boolean): Promise<CategoryEntity> {
    const category = await this.categories.findById(categoryId);
    await this.repository.setWatching(viewer.id, 'CATEGORY', category.id, watching, this.clock.now());
    return category;
  }

  emailPreference(viewer: Viewer): Promise<NotificationEmailPreference> {
    return this.users.notificationEmail(viewer.id);
  }

  async setEmailPreference(viewer: Viewer, preference: NotificationEmailPreference): Promise<NotificationEmailPreference> {
    await this.users.setNotificationEmail(viewer.id, preference, this.clock.now());
    return preference;
  }
}
