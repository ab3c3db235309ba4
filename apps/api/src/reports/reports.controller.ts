import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { OUTCOMES } from '@peerdesk/domain';
import { Requires } from '../common/viewer';
import type { PreAskDeflectionModel } from '../search-insights/search-insights.model';
import { SearchInsightsService } from '../search-insights/search-insights.service';
import { countsOf, ReportsService } from './reports.service';
import type { DeflectionReportModel, OutcomeCountModel, RateModel, ResponseTimesModel, SuperuserShareModel } from './deflection-report.model';

/** One field of RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HEADER = ['section', 'key', 'name', 'cohort_size', ...OUTCOMES.map((o) => o.toLowerCase()),
  'peer_deflection_numerator', 'peer_deflection_denominator', 'peer_deflection_rate',
  'numerator', 'denominator', 'value', 'median_seconds', 'p90_seconds', 'count'];

type Cell = string | number | null;

const RATES = [
  ['peer_deflection_rate', 'Peer deflection rate', (r: DeflectionReportModel) => r.peerDeflectionRate],
  ['peer_answer_rate', 'Peer answer rate', (r: DeflectionReportModel) => r.peerAnswerRate],
  ['staff_touch_rate', 'Staff-touch rate', (r: DeflectionReportModel) => r.staffTouchRate],
  ['accepted_answer_rate', 'Accepted-answer rate', (r: DeflectionReportModel) => r.acceptedAnswerRate],
  ['escalation_rate', 'Escalation rate', (r: DeflectionReportModel) => r.escalationRate],
  ['breach_rate', 'Staff breach rate', (r: DeflectionReportModel) => r.breachRate],
] as const;

const RESPONSE_TIMES = [
  ['first_response', 'First response of any kind', (t: ResponseTimesModel) => t.firstResponse],
  ['first_peer_answer', 'First peer answer', (t: ResponseTimesModel) => t.firstPeerAnswer],
  ['first_staff_response_after_escalation', 'First staff response after escalation', (t: ResponseTimesModel) => t.firstStaffResponseAfterEscalation],
  ['time_to_accepted_answer', 'Time to accepted answer', (t: ResponseTimesModel) => t.timeToAcceptedAnswer],
] as const;

const SUPERUSER_SHARES = [
  ['peer_answers_by_top_percent', 'Peer answers by the top 1% of peers', (s: SuperuserShareModel) => s.peerAnswersByTopPercent],
  ['peer_answers_by_top_ten', 'Peer answers by the top 10 peers', (s: SuperuserShareModel) => s.peerAnswersByTopTen],
  ['peer_solved_by_top_percent', 'Peer-solved questions answered by the top 1%', (s: SuperuserShareModel) => s.peerSolvedByTopPercent],
  ['peer_solved_by_top_ten', 'Peer-solved questions answered by the top 10', (s: SuperuserShareModel) => s.peerSolvedByTopTen],
] as const;

const PRE_ASK = [
  ['sessions_shown_suggestions', 'Ask sessions shown similar questions', (p: PreAskDeflectionModel) => p.sessionsShownSuggestions],
  ['sessions_opened_suggestion', 'Ask sessions that opened a suggestion', (p: PreAskDeflectionModel) => p.sessionsOpenedSuggestion],
  ['sessions_opened_solved_suggestion', 'Ask sessions that opened a solved suggestion', (p: PreAskDeflectionModel) => p.sessionsOpenedSolvedSuggestion],
  ['sessions_posted', 'Ask sessions that posted a question', (p: PreAskDeflectionModel) => p.sessionsPosted],
  ['asks_avoided', 'Asks avoided by a solved suggestion', (p: PreAskDeflectionModel) => p.asksAvoided],
] as const;

/**
 * Every figure of the report, one row each, copied from the report the GraphQL query returns (never
 * recomputed), its pre-ask deflection included. Each column means one thing; a row fills the columns of its kind
 * of figure and leaves the rest empty.
 */
export function deflectionCsv(report: DeflectionReportModel, preAsk: PreAskDeflectionModel): string {
  const cohort = (section: string, key: string, name: string, cohortSize: number, outcomes: OutcomeCountModel[], peer: RateModel): Cell[] => {
    const counts = countsOf(outcomes);
    return [section, key, name, cohortSize, ...OUTCOMES.map((o) => counts[o]), peer.numerator, peer.denominator, peer.value, null, null, null, null, null, null];
  };
  const figure = (section: string, key: string, name: string, cells: Cell[]): Cell[] =>
    [section, key, name, ...Array<Cell>(1 + OUTCOMES.length + 3).fill(null), ...cells];
  const share = (section: string, key: string, name: string, r: RateModel) => figure(section, key, name, [r.numerator, r.denominator, r.value, null, null, null]);
  const rows: Cell[][] = [
    HEADER,
    cohort('total', '', '', report.cohortSize, report.outcomes, report.peerDeflectionRate),
    ...report.series.map((s) => cohort('bucket', s.bucketStart.toISOString(), report.bucket, s.cohortSize, s.outcomes, s.peerDeflectionRate)),
    ...report.byCategory.map((c) => cohort('category', c.category.id, c.category.name, c.cohortSize, c.outcomes, c.peerDeflectionRate)),
    ...RATES.map(([key, name, of]) => share('rate', key, name, of(report))),
    ...report.escalationRateByReason.map(({ reason, rate }) =>
      share('rate', `escalation_rate_${reason.toLowerCase()}`, `Escalation rate (${reason.toLowerCase().replace(/_/g, ' ')})`, rate)),
    ...RESPONSE_TIMES.map(([key, name, of]) => {
      const d = of(report.responseTimes);
      return figure('response_time', key, name, [null, null, null, d.medianSeconds, d.p90Seconds, d.count]);
    }),
    figure('superusers', 'peer_answerers', 'Peers who answered', [null, null, null, null, null, report.superusers.peerAnswerers]),
    ...SUPERUSER_SHARES.map(([key, name, of]) => share('superusers', key, name, of(report.superusers))),
    ...PRE_ASK.map(([key, name, of]) => figure('pre_ask', key, name, [null, null, null, null, null, of(preAsk)])),
  ];
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Named for the days the page shows: the first day and the last day included (`to` is exclusive). */
export function deflectionCsvName(report: Pick<DeflectionReportModel, 'from' | 'to'>): string {
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return `deflection-${day(report.from)}-to-${day(new Date(report.to.getTime() - 1))}.csv`;
}

/**
 * The deflection report as a spreadsheet: the same figures and the same authorization (CapabilityGuard, `@Requires`)
 * as the GraphQL query. Errors are answered with their code's HTTP status (RequestErrorFilter, common/graphql-errors.ts).
 */
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly insights: SearchInsightsService,
  ) {}

  @Get('deflection.csv')
  @Requires('view_reports')
  async deflectionCsv(@Res() res: Response, @Query() query: Record<string, string | undefined>): Promise<void> {
    const date = (value: string | undefined) => (value === undefined ? null : new Date(value));
    const report = await this.reports.deflection({
      from: date(query.from), to: date(query.to), asOf: date(query.asOf), categoryId: query.categoryId ?? null, tag: query.tag ?? null, bucket: query.bucket ?? null,
    });
    const preAsk = await this.insights.preAskDeflection(report.from, report.to, report.asOf);
    res.status(200).type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${deflectionCsvName(report)}"`);
    res.send(deflectionCsv(report, preAsk));
  }
}
