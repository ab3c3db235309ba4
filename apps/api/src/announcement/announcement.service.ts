import { Inject, Injectable } from '@nestjs/common';
import { LIMITS, validationFailed } from '@peerdesk/domain';
import { CLOCK, type Clock } from '../common/clock';
import { AnnouncementRepository, type AnnouncementRow } from './announcement.repository';


@Injectable()
export class AnnouncementService {
  constructor(
    private readonly repository: AnnouncementRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  current(): Promise<AnnouncementRow | null> {
    return this.repository.current();
  }

  /** An empty message takes the announcement down. */
  async set(message: string, userId: string): Promise<AnnouncementRow | null> {
    const text = message.trim();
    if (text.length > LIMITS.announcement.max) {
      throw validationFailed([{ field: 'message', message: `Keep the announcement under ${LIMITS.announcement.max} characters (it has ${text.length}).` }]);
    }
    if (!text) {
      await this.repository.clear();
      return null;
    }
    await this.repository.set(text, this.clock.now(), userId);
    return this.repository.current();
  }
}
