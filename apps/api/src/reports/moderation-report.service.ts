import { Injectable } from '@nestjs/common';
import { type FieldError, rate, REVIEW_REASONS, type ReviewReason, SPAM_CHECKS, type SpamCheck, validationFailed } from '@peerdesk/domain';
import type { ModerationFiguresModel, ModerationReportModel } from './moderation-report.model';
import { type ModerationFigureRow, ModerationReportRepository } from './moderation-report.repository';
import { checkPeriod } from './reports.service';

/** What a caller asks for, before checking. */
export interface ModerationReportRequest {
  from: Date | null;
  to: Date | null;
  bucket?: string | null;
}

/** The figures of one bucket (or of the whole period) from its rows; a figure with no row is 0. */
function figuresOf(rows: ModerationFigureRow[]): ModerationFiguresModel {
  const count = (figure: ModerationFigureRow['figure'], reason: ReviewReason | null = null, spamCheck: SpamCheck | null = null) =>
    rows.find((row) => row.figure === figure && row.reason === reason && row.spamCheck === spamCheck)?.n ?? 0;
  const holdFigures = (reason: ReviewReason, spamCheck: SpamCheck | null = null) => {
    const decided = count('held_decided', reason, spamCheck);
    const approved = count('held_approved', reason, spamCheck);
    return { held: count('held', reason, spamCheck), decided, approved, approvedShare: rate(approved, decided) };
  };
  return {
    flagsRaised: count('flags_raised'),
    flagsHandled: count('flags_handled'),
    reviewsDecided: count('decided'),
    medianDecisionHours: rows.find((row) => row.figure === 'decided')?.medianHours ?? null,
    holds: REVIEW_REASONS.map((reason) => ({ reason, ...holdFigures(reason) })),
    spamChecks: SPAM_CHECKS.map((check) => ({ check, ...holdFigures('SPAM_CHECK', check) })),
    suspensions: count('suspensions'),
  };
}

@Injectable()
export class ModerationReportService {
  constructor(private readonly reports: ModerationReportRepository) {}

  /** The period and bucket are checked as the deflection report checks them (checkPeriod); every problem at once. */
  async report(request: ModerationReportRequest): Promise<ModerationReportModel> {
    const errors: FieldError[] = [];
    const bucket = checkPeriod(request, errors);
    if (errors.length > 0) throw validationFailed(errors);
    const query = { from: request.from!, to: request.to!, bucket: bucket! };
    const rows = await this.reports.figures(query);
    const perBucket = new Map<string, ModerationFigureRow[]>();
    for (const row of rows) {
      if (row.bucketStart === null) continue;
      if (!perBucket.has(row.bucketStart)) perBucket.set(row.bucketStart, []);
      perBucket.get(row.bucketStart)!.push(row);
    }
    return {
      ...query,
      totals: figuresOf(rows.filter((row) => row.bucketStart === null)),
      series: [...perBucket].filter(([, bucketRows]) => bucketRows.some((row) => row.figure === 'bucket'))
        .map(([start, bucketRows]) => ({ bucketStart: new Date(start), ...figuresOf(bucketRows) })),
    };
  }
}
