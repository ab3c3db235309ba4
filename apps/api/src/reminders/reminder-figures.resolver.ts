import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { rate } from '@peerdesk/domain';
import { DeflectionReportModel } from '../reports/deflection-report.model';
import { AcceptReminderFiguresModel } from './accept-reminders.model';
import { AcceptRemindersService } from './accept-reminders.service';

/** The deflection report's reminder figures (the report itself is guarded by view_reports). */
@Resolver(() => DeflectionReportModel)
export class ReminderFiguresResolver {
  constructor(private readonly reminders: AcceptRemindersService) {}

  @ResolveField(() => AcceptReminderFiguresModel, { description: 'Reminders to accept for these questions, and the share that led to an acceptance.' })
  async acceptReminders(@Parent() report: DeflectionReportModel): Promise<AcceptReminderFiguresModel> {
    const { sent, ledToAcceptance } = await this.reminders.figures(report.query);
    return { sent, ledToAcceptance: rate(ledToAcceptance, sent) };
  }
}
