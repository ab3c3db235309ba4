import { redirect } from '@sveltejs/kit';
import { DeleteMyAccountDocument } from '@peerdesk/api-client';
import { graphql } from '$lib/server/graphql';
import { clearSession, refused } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const deleted = url.searchParams.has('deleted');
  if (!locals.viewer && !deleted) redirect(303, '/login?next=/account/privacy');
  return { deleted: deleted && !locals.viewer };
};

export const actions: Actions = {
  delete: async (event) => {
    if (!event.locals.viewer) redirect(303, '/login?next=/account/privacy');
    const password = String((await event.request.formData()).get('password') ?? '');
    try {
      await graphql(event.fetch, DeleteMyAccountDocument, { password });
    } catch (e) {
      return refused(e, 'delete');
    }
    clearSession(event.cookies);
    redirect(303, '/account/privacy?deleted');
  },
};
