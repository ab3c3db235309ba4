import { redirect } from '@sveltejs/kit';
import { MarkNotificationsReadDocument, NotificationsDocument } from '@peerdesk/api-client';
import { graphql } from '$lib/server/graphql';
import { formAction } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.viewer) redirect(303, '/login?next=/notifications');
  const { notifications, unreadNotificationCount } = await graphql(NotificationsDocument, { after: url.searchParams.get('after') || null });
  return {
    notifications: notifications.edges.map((edge) => edge.node),
    unread: unreadNotificationCount,
    nextCursor: notifications.pageInfo.hasNextPage ? notifications.pageInfo.endCursor : null,
    now: new Date().toISOString(),
  };
};

export const actions: Actions = {
  /** Marks the ones named (`id`, repeated) read, or all of them when none is named. */
  read: async (event) => {
    const ids = (await event.request.formData()).getAll('id').map(String);
    return formAction(event, 'read', MarkNotificationsReadDocument, { ids: ids.length ? ids : null }, {
      success: ids.length ? 'Marked as read.' : 'All notifications marked as read.',
    });
  },
};
