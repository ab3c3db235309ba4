import { Injectable } from '@nestjs/common';
import { type LoaderDefinition, perTargetType, type TypedTarget, typedTargetKey } from '../common/loaders';
import type { Viewer } from '../common/viewer';
import { NotificationsRepository, type WatchTarget } from './notifications.repository';

/** Whether the viewer watches each question or category (false when signed out): a page's in one statement. */
@Injectable()
export class ViewerWatchingLoader implements LoaderDefinition<TypedTarget<WatchTarget>, boolean> {
  constructor(private readonly notifications: NotificationsRepository) {}

  batch(targets: readonly TypedTarget<WatchTarget>[], viewer: Viewer | null): Promise<boolean[]> {
    if (!viewer) return Promise.resolve(targets.map(() => false));
    return perTargetType(
      targets,
      async (type, ids) => new Map([...(await this.notifications.watchedAmong(viewer.id, type, ids))].map((id) => [id, true])),
      false,
    );
  }

  cacheKey(target: TypedTarget<WatchTarget>): string {
    return typedTargetKey(target);
  }
}
