import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Requires } from '../common/viewer';
import { DeflectionReportModel } from '../reports/deflection-report.model';
import { RecordAskEventInput, SearchGapsArgs } from './dto/search-insights.input';
import { PreAskDeflectionModel, SearchGapModel } from './search-insights.model';
import { SearchInsightsService } from './search-insights.service';
import { RateLimit } from '../rate-limits/rate-limit.guard';

@Resolver()
export class SearchInsightsResolver {
  constructor(private readonly service: SearchInsightsService) {}

  @Query(() => [SearchGapModel], { description: 'The most frequent searches in the period with poor results (at most 2), most frequent first. Managers and admins.' })
  @Requires('view_reports')
  searchGaps(@Args() args: SearchGapsArgs): Promise<SearchGapModel[]> {
    return this.service.searchGaps(args.from, args.to, args.first);
  }

  @Mutation(() => Boolean, { description: 'The ask form records what it showed and what was opened; signed in or not. No personal data beyond the session id.' })
  @RateLimit('ask-event')
  async recordAskEvent(@Args('input') input: RecordAskEventInput): Promise<boolean> {
    await this.service.recordAskEvent(input);
    return true;
  }
}

/** Pre-ask deflection rides on the deflection report (same authorization: the report's view_reports) as its own query. */
@Resolver(() => DeflectionReportModel)
export class PreAskDeflectionResolver {
  constructor(private readonly service: SearchInsightsService) {}

  @ResolveField(() => PreAskDeflectionModel, { description: 'Asks avoided by search, apart from peer deflection. Ask sessions started in [from, to), as of asOf.' })
  preAskDeflection(@Parent() report: DeflectionReportModel): Promise<PreAskDeflectionModel> {
    return this.service.preAskDeflection(report.from, report.to, report.asOf);
  }
}
