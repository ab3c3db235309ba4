import { error } from '@sveltejs/kit';
import { apiUrl, SESSION_COOKIE } from '$lib/server/graphql';
import { readPeriod, reportInput } from '../deflection/period';
import type { RequestHandler } from './$types';

/**
 * The CSV download of the deflection dashboard. The API serves it on its own port, which the browser
 * does not talk to (and its session cookie belongs to this site), so the web fetches it server-side
 * with the visitor's session and passes the file through, status and all.
 */
export const GET: RequestHandler = async ({ url, cookies, fetch }) => {
  const token = cookies.get(SESSION_COOKIE);
  if (!token) error(401, { code: 'UNAUTHENTICATED', message: 'Please sign in to download reports.' });
  const input = reportInput(readPeriod(url.searchParams, new Date()));
  const target = new URL('/reports/deflection.csv', apiUrl());
  for (const [key, value] of Object.entries(input)) target.searchParams.set(key, value);
  let response: Response;
  try {
    response = await fetch(target, { headers: { cookie: `${SESSION_COOKIE}=${encodeURIComponent(token)}` }, signal: AbortSignal.timeout(30_000) });
  } catch {
    error(503, { code: 'API_UNAVAILABLE', message: 'The report service is not answering right now. Please try again in a minute.' });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
    error(response.status, { code: body?.code, message: body?.message ?? 'The report could not be made.' });
  }
  return new Response(response.body, {
    headers: {
      'content-type': response.headers.get('content-type') ?? 'text/csv; charset=utf-8',
      'content-disposition': response.headers.get('content-disposition') ?? 'attachment; filename="deflection.csv"',
      'cache-control': 'private, no-store',
    },
  });
};
