import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Requires, type Viewer } from '../common/viewer';
import { SpamRulesModel, toSpamRulesModel } from './spam-rules.model';
import { SpamRulesService } from './spam-rules.service';

@Resolver(() => SpamRulesModel)
export class SpamRulesResolver {
  constructor(private readonly service: SpamRulesService) {}

  @Query(() => SpamRulesModel, { description: 'Admins only. The blocked words and link domains the spam checks read.' })
  @Requires('manage_spam_rules')
  async spamRules(): Promise<SpamRulesModel> {
    return toSpamRulesModel(await this.service.rules());
  }

  @Mutation(() => SpamRulesModel, { description: 'Admins only. Replaces both lists (entries are trimmed and lower-cased; blanks and duplicates dropped). Audited.' })
  @Requires('manage_spam_rules')
  async setSpamRules(
    @Args('words', { type: () => [String] }) words: string[],
    @Args('domains', { type: () => [String] }) domains: string[],
    @CurrentViewer() viewer: Viewer,
  ): Promise<SpamRulesModel> {
    return toSpamRulesModel(await this.service.set({ words, domains }, viewer.id));
  }
}
