import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Requires, type Viewer } from '../common/viewer';
import { VoteInput, VoteResultModel } from './dto/vote.input';
import { VotesService } from './votes.service';
import { RateLimit } from '../rate-limits/rate-limit.guard';

@Resolver()
export class VotesResolver {
  constructor(private readonly votes: VotesService) {}

  @Mutation(() => VoteResultModel)
  @Requires('vote')
  @RateLimit('vote')
  vote(@Args('input') input: VoteInput, @CurrentViewer() viewer: Viewer): Promise<VoteResultModel> {
    return this.votes.vote(viewer, input);
  }
}
