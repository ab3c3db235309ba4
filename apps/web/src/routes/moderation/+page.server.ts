import { ModerationPageDocument } from '@peerdesk/api-client';
import { consoleQuery } from '$lib/server/console';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
  // The staff-queue size doubles as the access check: the API lets moderators and the team see it.
  const data = await consoleQuery(event, ModerationPageDocument);
  // A question deleted from its page's moderation menu lands here.
  return { queued: data.staffQueue.totalCount, deleted: event.url.searchParams.has('deleted') };
};
