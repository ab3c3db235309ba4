import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Requires, type Viewer } from '../common/viewer';
import { VoteInput, VoteResultModel } from './dto/vote.input';
import { VotesService } from './votes.service';

@Resolver()
export class VotesResolver {
  constructor(private readonly votes: VotesService) {}

  @Mutation(() => VoteResultModel)
  @Requires('vote')
  vote(@Args('input') input: VoteInput, @CurrentViewer() viewer: Viewer): Promise<VoteResultModel> {
    return this.votes.vote(viewer, input);
  }
}
