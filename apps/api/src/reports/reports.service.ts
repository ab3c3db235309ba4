import { Inject, Injectable } from '@nestjs/common';
import {
  acceptedAnswerRate, ESCALATION_REASONS, emptyOutcomeCounts, type FieldError, isReportBucket, MAX_REPORT_BUCKETS, notFound,
  type Outcome, OUTCOMES, peerDeflectionRate, rate, type ReportBucket, validationFailed,
} from '@peerdesk/domain';
import { CLOCK, type Clock } from '../common/clock';
import { isEntityId } from '../common/ids';
import { ViewRecorder } from '../questions/view-recorder';
import type { DeflectionReportModel, DurationStatsModel, OutcomeCountModel } from './deflection-report.model';
import { type DurationRow, type ReportQuery, ReportsRepository } from './reports.repository';

/** What a caller asks for, before checking: the GraphQL input and the CSV query string both become this. */
export interface DeflectionReportRequest {
  from: Date | null;
  to: Date | null;
  asOf?: Date | null;
  categoryId?: string | null;
  tag?: string | null;
  bucket?: string | null;
}

const APPROX_BUCKET_DAYS: Record<ReportBucket, number> = { DAY: 1, WEEK: 7, MONTH: 28 };

const validDate = (d: Date | null | undefined): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

/**
 * A report's period [from, to) and its bucket (DAY, WEEK or MONTH; WEEK when left out), as every report takes them:
 * problems are added to `errors` by field name, in the order from, to, (the report's own checks of the moment it
 * judges at), bucket, (its other fields), then the period's length; the bucket is returned when it is one.
 */
export function checkPeriod(
  request: { from: Date | null; to: Date | null; bucket?: string | null },
  errors: FieldError[],
  checkMoment: () => void = () => undefined,
  checkOthers: () => void = () => undefined,
): ReportBucket | null {
  if (!validDate(request.from)) errors.push({ field: 'from', message: 'Give the start of the period as an ISO 8601 date-time.' });
  if (!validDate(request.to)) errors.push({ field: 'to', message: 'Give the end of the period as an ISO 8601 date-time.' });
  checkMoment();
  const bucket = (request.bucket ?? 'WEEK').toUpperCase();
  if (!isReportBucket(bucket)) errors.push({ field: 'bucket', message: 'The bucket is DAY, WEEK or MONTH.' });
  checkOthers();
  if (errors.length > 0) return isReportBucket(bucket) ? bucket : null;
  const span = request.to!.getTime() - request.from!.getTime();
  if (span <= 0) errors.push({ field: 'to', message: 'The end of the period must come after its start.' });
  else if (span / (APPROX_BUCKET_DAYS[bucket as ReportBucket] * 86_400_000) > MAX_REPORT_BUCKETS) {
    errors.push({ field: 'bucket', message: `That period has more than ${MAX_REPORT_BUCKETS} buckets; choose a longer bucket or a shorter period.` });
  }
  return bucket as ReportBucket;
}

function outcomeList(counts: Partial<Record<Outcome, number>>): OutcomeCountModel[] {
  return OUTCOMES.map((outcome) => ({ outcome, count: Number(counts[outcome] ?? 0) }));
}

export function countsOf(outcomes: OutcomeCountModel[]): Record<Outcome, number> {
  const counts = emptyOutcomeCounts();
  for (const { outcome, count } of outcomes) counts[outcome] = count;
  return counts;
}

function duration(row: DurationRow): DurationStatsModel {
  return { medianSeconds: row.median, p90Seconds: row.p90, count: Number(row.count) };
}

@Injectable()
export class ReportsService {
  constructor(
    private readonly reports: ReportsRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly views: ViewRecorder,
  ) {}

  /** Checks the request; every problem is reported at once, by field name. */
  async check(request: DeflectionReportRequest): Promise<ReportQuery> {
    const errors: FieldError[] = [];
    const tag = request.tag?.trim() ? request.tag.trim().toLowerCase() : null;
    const bucket = checkPeriod(request, errors, () => {
      if (request.asOf != null && !validDate(request.asOf)) errors.push({ field: 'asOf', message: 'Give asOf as an ISO 8601 date-time, or leave it out for now.' });
    }, () => {
      if (request.tag != null && !tag) errors.push({ field: 'tag', message: 'Leave the tag out, or name one.' });
    });
    if (errors.length > 0) throw validationFailed(errors);
    const categoryId = request.categoryId ?? null;
    if (categoryId !== null && (!isEntityId(categoryId) || !(await this.reports.categoryExists(categoryId)))) {
      throw notFound(`There is no category "${categoryId}".`);
    }
    return { from: request.from!, to: request.to!, asOf: request.asOf ?? this.clock.now(), categoryId, tag, bucket: bucket! };
  }

  async deflection(request: DeflectionReportRequest): Promise<DeflectionReportModel> {
    const query = await this.check(request);
    // The self-service figures count question_views: this instance's buffered views first (others' within their flush interval).
    await this.views.flush();
    const { totals, series, byCategory } = await this.reports.deflection(query);
    const n = Number(totals.cohortSize);
    const counts = { ...emptyOutcomeCounts() };
    for (const outcome of OUTCOMES) counts[outcome] = Number(totals.outcomes[outcome] ?? 0);
    const peerAnswers = Number(totals.peerAnswers);
    return {
      query,
      from: query.from,
      to: query.to,
      asOf: query.asOf,
      bucket: query.bucket,
      cohortSize: n,
      outcomes: outcomeList(counts),
      peerDeflectionRate: peerDeflectionRate(counts, n),
      peerAnswerRate: rate(Number(totals.withPeerAnswer), n),
      staffTouchRate: rate(Number(totals.staffTouched), n),
      acceptedAnswerRate: acceptedAnswerRate(counts, n),
      escalationRate: rate(Number(totals.escalated), n),
      escalationRateByReason: ESCALATION_REASONS.map((reason) => ({ reason, rate: rate(Number(totals.escalatedByReason[reason] ?? 0), n) })),
      endorsedPeerSolutions: Number(totals.endorsedPeerSolutions),
      solvedQuestionViewsByOthers: Number(totals.solvedQuestionViewsByOthers),
      viewsPerQuestionAsked: rate(Number(totals.viewsByOthers), n),
      breachRate: rate(Number(totals.breachedEscalations), Number(totals.escalations)),
      responseTimes: {
        firstResponse: duration(totals.firstResponse),
        firstPeerAnswer: duration(totals.firstPeerAnswer),
        firstStaffResponseAfterEscalation: duration(totals.firstStaffResponseAfterEscalation),
        timeToAcceptedAnswer: duration(totals.timeToAcceptedAnswer),
      },
      superusers: {
        peerAnswerers: Number(totals.peerAnswerers),
        peerAnswersByTopPercent: rate(Number(totals.peerAnswersByTopPercent), peerAnswers),
        peerAnswersByTopTen: rate(Number(totals.peerAnswersByTopTen), peerAnswers),
        peerSolvedByTopPercent: rate(Number(totals.peerSolvedByTopPercent), counts.PEER_SOLVED),
        peerSolvedByTopTen: rate(Number(totals.peerSolvedByTopTen), counts.PEER_SOLVED),
        answererBuckets: totals.answererBuckets.map((b) => ({ bucket: b.bucket, answerers: Number(b.answerers), answers: Number(b.answers) })),
      },
      series: series.map((s) => {
        const outcomes = outcomeList(s.outcomes);
        const size = Number(s.cohortSize);
        return { bucketStart: new Date(s.bucketStart), cohortSize: size, outcomes, peerDeflectionRate: peerDeflectionRate(countsOf(outcomes), size) };
      }),
      byCategory: byCategory.map((c) => {
        const outcomes = outcomeList(c.outcomes);
        const size = Number(c.cohortSize);
        return { category: { id: String(c.id), name: c.name }, cohortSize: size, outcomes, peerDeflectionRate: peerDeflectionRate(countsOf(outcomes), size) };
      }),
    };
  }
}
