import { ModerationDashboardDocument } from '@peerdesk/api-client';
import { consoleQuery } from '$lib/server/console';
import { fieldErrors } from '$lib/server/forms';
import { GraphQLRequestError } from '$lib/server/graphql';
import { readPeriod, reportInput } from '../deflection/period';
import type { PageServerLoad } from './$types';

/** The period is read and sent as the deflection report's is (same address parameters); the category does not apply. */
export const load: PageServerLoad = async (event) => {
  const period = readPeriod(event.url.searchParams, new Date());
  const { from, to, bucket } = reportInput(period);
  try {
    const data = await consoleQuery(event, ModerationDashboardDocument, { input: { from, to, bucket } }, { rethrowInvalid: true });
    return { period, report: data.moderationReport, invalid: null };
  } catch (e) {
    // A period the API refuses (end before start, too many buckets): show its words beside the fields.
    if (!(e instanceof GraphQLRequestError) || e.code !== 'VALIDATION_FAILED') throw e;
    return { period, report: null, invalid: fieldErrors(e) };
  }
};
