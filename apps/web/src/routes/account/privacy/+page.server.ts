import { redirect } from '@sveltejs/kit';
import { DeleteMyAccountDocument } from '@peerdesk/api-client';
import { clearSession, formAction, raw } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
  const deleted = url.searchParams.has('deleted');
  if (!locals.viewer && !deleted) redirect(303, '/login?next=/account/privacy');
  return { deleted: deleted && !locals.viewer };
};

export const actions: Actions = {
  delete: async (event) =>
    formAction(event, 'delete', DeleteMyAccountDocument, { password: raw(await event.request.formData(), 'password') }, {
      then: () => {
        clearSession(event.cookies);
        redirect(303, '/account/privacy?deleted');
      },
    }),
};
