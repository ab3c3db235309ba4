import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { can, DomainError, OUTCOMES } from '@peerdesk/domain';
import { AuthService } from '../auth/auth.service';
import { countsOf, ReportsService } from './reports.service';
import type { DeflectionReportModel, OutcomeCountModel } from './deflection-report.model';

const HTTP_STATUS: Record<string, number> = { VALIDATION_FAILED: 400, NOT_FOUND: 404, UNAUTHENTICATED: 401, FORBIDDEN: 403 };

/** One field of RFC 4180: quoted when it holds a comma, a quote or a line break, quotes doubled. */
export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const HEADER = ['section', 'key', 'name', 'cohort_size', ...OUTCOMES.map((o) => o.toLowerCase()),
  'peer_deflection_numerator', 'peer_deflection_denominator', 'peer_deflection_rate'];

export function deflectionCsv(report: DeflectionReportModel): string {
  const row = (section: string, key: string, name: string, cohortSize: number, outcomes: OutcomeCountModel[]) => {
    const counts = countsOf(outcomes);
    const value = cohortSize === 0 ? null : counts.PEER_SOLVED / cohortSize;
    return [section, key, name, cohortSize, ...OUTCOMES.map((o) => counts[o]), counts.PEER_SOLVED, cohortSize, value];
  };
  const rows = [
    HEADER,
    row('total', '', '', report.cohortSize, report.outcomes),
    ...report.series.map((s) => row('bucket', s.bucketStart.toISOString(), report.bucket, s.cohortSize, s.outcomes)),
    ...report.byCategory.map((c) => row('category', c.category.id, c.category.name, c.cohortSize, c.outcomes)),
  ];
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The deflection report as a spreadsheet: the same figures and the same authorization as the GraphQL query. */
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly auth: AuthService,
    private readonly reports: ReportsService,
  ) {}

  @Get('deflection.csv')
  async deflectionCsv(@Req() req: Request, @Res() res: Response, @Query() query: Record<string, string | undefined>): Promise<void> {
    const viewer = await this.auth.viewerFromRequest(req);
    if (!viewer) {
      res.status(401).json({ code: 'UNAUTHENTICATED', message: 'Please sign in to do that.' });
      return;
    }
    if (!can(viewer.role, 'view_reports')) {
      res.status(403).json({ code: 'FORBIDDEN', message: `Your role (${viewer.role.toLowerCase()}) does not allow this.` });
      return;
    }
    const date = (value: string | undefined) => (value === undefined ? null : new Date(value));
    try {
      const report = await this.reports.deflection({
        from: date(query.from), to: date(query.to), asOf: date(query.asOf), categoryId: query.categoryId ?? null, tag: query.tag ?? null, bucket: query.bucket ?? null,
      });
      const name = `deflection-${report.from.toISOString().slice(0, 10)}-${report.to.toISOString().slice(0, 10)}.csv`;
      res.status(200).type('text/csv; charset=utf-8').setHeader('Content-Disposition', `attachment; filename="${name}"`);
      res.send(deflectionCsv(report));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      res.status(HTTP_STATUS[error.code] ?? 400).json({ code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) });
    }
  }
}
