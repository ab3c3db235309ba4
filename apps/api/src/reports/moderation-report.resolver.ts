import { Args, Query, Resolver } from '@nestjs/graphql';
import { Requires } from '../common/viewer';
import { ModerationReportInput } from './dto/moderation-report.input';
import { ModerationReportModel } from './moderation-report.model';
import { ModerationReportService } from './moderation-report.service';

@Resolver(() => ModerationReportModel)
export class ModerationReportResolver {
  constructor(private readonly service: ModerationReportService) {}

  @Query(() => ModerationReportModel, {
    description: 'Flags raised and handled, review decisions and their median time, holds by reason and the share approved, suspensions, '
      + 'for [from, to) per bucket. Managers and admins. Definitions: docs/metrics.md, "Moderation figures".',
  })
  @Requires('view_reports')
  moderationReport(@Args('input') input: ModerationReportInput): Promise<ModerationReportModel> {
    return this.service.report(input);
  }
}
