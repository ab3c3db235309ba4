import { Injectable } from '@nestjs/common';
import { type LoaderDefinition, perTargetType, type TypedTarget, typedTargetKey } from '../common/loaders';
import type { Viewer } from '../common/viewer';
import type { VoteTargetType } from './vote.entity';
import { VotesService } from './votes.service';

/** The viewer's vote on each post: 1, -1 or 0 (always 0 when signed out); a thread page's answers in one statement. */
@Injectable()
export class ViewerVoteLoader implements LoaderDefinition<TypedTarget<VoteTargetType>, number> {
  constructor(private readonly votes: VotesService) {}

  batch(targets: readonly TypedTarget<VoteTargetType>[], viewer: Viewer | null): Promise<number[]> {
    if (!viewer) return Promise.resolve(targets.map(() => 0));
    return perTargetType(targets, (type, ids) => this.votes.viewerVotes(viewer.id, type, ids), 0);
  }

  cacheKey(target: TypedTarget<VoteTargetType>): string {
    return typedTargetKey(target);
  }
}
