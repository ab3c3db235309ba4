import { Inject, Injectable } from '@nestjs/common';
import { LIMITS, mentionToken, validationFailed } from '@peerdesk/domain';
import { CategoriesService } from '../categories/categories.service';
import type { CategoryEntity } from '../categories/category.entity';
import { CLOCK, type Clock } from '../common/clock';
import { isEntityId } from '../common/ids';
import { checkPageSize, decodeCursor, type Keyset } from '../common/pagination';
import type { Viewer } from '../common/viewer';
import type { QuestionEntity } from '../questions/question.entity';
import { QuestionsService } from '../questions/questions.service';
import { UsersRepository } from '../users/users.repository';
import type { NotificationPreferencesInput } from './dto/notification-preferences.input';
import {
  defaultEmailFor, type MentionSuggestionModel, NOTIFICATION_KINDS, type NotificationPreferencesModel, type NotificationRow,
} from './notification.model';
import { NotificationsRepository } from './notifications.repository';

/** How many members the mention autocomplete offers at once. */
const MENTION_SUGGESTIONS = 6;

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

  /** The default e-mail choice and every kind with its own choice (null: follows the default). */
  async preferences(viewer: Viewer): Promise<NotificationPreferencesModel> {
    const [notificationEmail, chosen] = await Promise.all([
      this.users.notificationEmail(viewer.id),
      this.repository.kindPreferences(viewer.id),
    ]);
    const byKind = new Map(chosen.map((row) => [row.kind, row.email]));
    return { notificationEmail, kinds: NOTIFICATION_KINDS.map((kind) => ({ kind, email: byKind.get(kind) ?? null, defaultEmail: defaultEmailFor(kind, notificationEmail) })) };
  }

  async setPreferences(viewer: Viewer, input: NotificationPreferencesInput): Promise<NotificationPreferencesModel> {
    const kinds = input.kinds ?? [];
    if (!input.notificationEmail && kinds.length === 0) {
      throw validationFailed([{ field: 'input', message: 'Choose a default e-mail preference or one for a kind of notification.' }]);
    }
    const repeated = kinds.filter((k, i) => kinds.findIndex((other) => other.kind === k.kind) !== i).map((k) => k.kind);
    if (repeated.length) throw validationFailed([{ field: 'input.kinds', message: `Each kind once: ${[...new Set(repeated)].join(', ')} is listed twice.` }]);
    const now = this.clock.now();
    if (kinds.length) await this.repository.setKindPreferences(viewer.id, kinds, now);
    if (input.notificationEmail) await this.users.setNotificationEmail(viewer.id, input.notificationEmail, now);
    else if (kinds.some((k) => k.email === 'DAILY_DIGEST')) await this.users.startDigestDay(viewer.id, now);
    return this.preferences(viewer);
  }

  /**
   * Members to @mention whose name (or a word of it) starts with `prefix`; an underscore stands for a space,
   * as in a mention token. The thread's participants come first when `questionId` is given.
   */
  async mentionSuggestions(viewer: Viewer, prefix: string, questionId: string | null | undefined): Promise<MentionSuggestionModel[]> {
    const typed = prefix.replace(/_/g, ' ').trim().toLowerCase();
    if ([...typed].length > LIMITS.mentionPrefix.max) {
      throw validationFailed([{ field: 'prefix', message: `Type at most ${LIMITS.mentionPrefix.max} characters.` }]);
    }
    if (questionId != null && !isEntityId(questionId)) throw validationFailed([{ field: 'questionId', message: 'This is not a question id.' }]);
    if (!typed) return [];
    const pattern = typed.replace(/[\\%_]/g, (c) => `\\${c}`);
    const rows = await this.repository.mentionCandidates(viewer.id, pattern, questionId ?? null, MENTION_SUGGESTIONS);
    return rows.map((row) => ({ userId: row.id, displayName: row.display_name, token: mentionToken({ id: row.id, displayName: row.display_name }) }));
  }
}
