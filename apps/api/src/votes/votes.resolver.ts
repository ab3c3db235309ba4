import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Requires, type Viewer } from '../common/viewer';
import { VoteInput } from './dto/vote.input';
import { toVoteResultModel, VoteResultModel } from './vote.model';
import { VotesService } from './votes.service';
import { RateLimit } from '../rate-limits/rate-limit.guard';

@Resolver()
export class VotesResolver {
  constructor(private readonly votes: VotesService) {}

  @Mutation(() => VoteResultModel)
  @Requires('vote')
  @RateLimit('vote')
  async vote(@Args('input') input: VoteInput, @CurrentViewer() viewer: Viewer): Promise<VoteResultModel> {
    return toVoteResultModel(await this.votes.vote(viewer, input));
  }
}
