import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsResolver } from './reports.resolver';
import { ReportsService } from './reports.service';

@Module({
  providers: [ReportsRepository, ReportsService, ReportsResolver],
  controllers: [ReportsController],
})
export class ReportsModule {}
