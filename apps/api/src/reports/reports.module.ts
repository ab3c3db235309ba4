import { Module } from '@nestjs/common';
import { QuestionsModule } from '../questions/questions.module';
import { SearchInsightsModule } from '../search-insights/search-insights.module';
import { ModerationReportRepository } from './moderation-report.repository';
import { ModerationReportResolver } from './moderation-report.resolver';
import { ModerationReportService } from './moderation-report.service';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';
import { RollupFoldJob } from './rollup-fold.job';

@Module({
  imports: [QuestionsModule, SearchInsightsModule],
  providers: [ReportsRepository, ReportsService, ReportsResolver, ModerationReportRepository, ModerationReportService, ModerationReportResolver, RollupFoldJob],
  controllers: [ReportsController],
})
export class ReportsModule {}
