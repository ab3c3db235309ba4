import { Args, Query, Resolver } from '@nestjs/graphql';
import { Requires } from '../common/viewer';
import { DeflectionReportModel } from './deflection-report.model';
import { DeflectionReportInput } from './dto/deflection-report.input';
import { ReportsService } from './reports.service';

@Resolver(() => DeflectionReportModel)
export class ReportsResolver {
  constructor(private readonly service: ReportsService) {}

  @Query(() => DeflectionReportModel, {
    description: 'Peer deflection for the questions asked in [from, to), each judged as of asOf. Managers and admins. Definitions: docs/metrics.md.',
  })
  @Requires('view_reports')
  deflectionReport(@Args('input') input: DeflectionReportInput): Promise<DeflectionReportModel> {
    return this.service.deflection(input);
  }
}
