import type { CategoryQuestionFilter, QuestionOrder } from '@peerdesk/api-client';

/** The list filters a category page offers, as they appear in its address (?show=solved&tag=…&sort=…). */
export const SHOW = ['all', 'unanswered', 'solved', 'escalated'] as const;
export type Show = (typeof SHOW)[number];
export const SORTS: Record<string, QuestionOrder> = { activity: 'ACTIVITY', newest: 'NEWEST', score: 'SCORE' };

export function listQuery(url: URL) {
  const showParam = url.searchParams.get('show') ?? 'all';
  const show: Show = (SHOW as readonly string[]).includes(showParam) ? (showParam as Show) : 'all';
  const sortParam = url.searchParams.get('sort') ?? 'activity';
  const sort = sortParam in SORTS ? sortParam : 'activity';
  const tag = url.searchParams.get('tag')?.trim() || null;
  const filter: CategoryQuestionFilter = { tag };
  if (show === 'unanswered') filter.unanswered = true;
  if (show === 'solved') filter.status = 'SOLVED';
  if (show === 'escalated') filter.status = 'ESCALATED';
  return { show, sort, tag, filter, orderBy: SORTS[sort], after: url.searchParams.get('after') || null };
}
