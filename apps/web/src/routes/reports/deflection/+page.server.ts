import { DeflectionDashboardDocument, ReportCategoriesDocument } from '@peerdesk/api-client';
import { consoleQuery } from '$lib/server/console';
import { fieldErrors } from '$lib/server/forms';
import { GraphQLRequestError } from '$lib/server/graphql';
import { periodSearch, readPeriod, reportInput } from './period';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  const period = readPeriod(event.url.searchParams, new Date());
  const csvHref = `/reports/deflection.csv?${periodSearch(period)}`;
  try {
    const input = reportInput(period);
    const data = await consoleQuery(event, DeflectionDashboardDocument, { input, from: input.from, to: input.to }, { rethrowInvalid: true });
    return { period, csvHref, categories: data.categories, report: data.deflectionReport, searchGaps: data.searchGaps, invalid: null };
  } catch (e) {
    // A period the API refuses (end before start, too many buckets): show its words beside the fields.
    if (!(e instanceof GraphQLRequestError) || e.code !== 'VALIDATION_FAILED') throw e;
    const { categories } = await consoleQuery(event, ReportCategoriesDocument);
    return { period, csvHref, categories, report: null, searchGaps: [], invalid: fieldErrors(e) };
  }
};
