import { redirect } from '@sveltejs/kit';
import {
  AccountSettingsDocument,
  ChangeDisplayNameDocument,
  ChangePasswordDocument,
  RequestEmailChangeDocument,
  SignOutEverywhereDocument,
  SignOutSessionDocument,
} from '@peerdesk/api-client';
import { graphql } from '$lib/server/graphql';
import { text } from '$lib/server/console';
import { clearSession, refused } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ fetch, locals }) => {
  if (!locals.viewer) redirect(303, '/login?next=/account');
  const { me, sessions } = await graphql(fetch, AccountSettingsDocument);
  return { me, sessions, now: new Date().toISOString() };
};

async function formOf(event: RequestEvent): Promise<FormData> {
  if (!event.locals.viewer) redirect(303, '/login?next=/account');
  return event.request.formData();
}

export const actions: Actions = {
  name: async (event) => {
    const displayName = text(await formOf(event), 'displayName');
    try {
      await graphql(event.fetch, ChangeDisplayNameDocument, { displayName });
    } catch (e) {
      return refused(e, 'name', { displayName });
    }
    return { form: 'name', success: 'Your display name was changed.' };
  },
  password: async (event) => {
    const form = await formOf(event);
    try {
      await graphql(event.fetch, ChangePasswordDocument, {
        current: String(form.get('current') ?? ''), password: String(form.get('password') ?? ''),
      });
    } catch (e) {
      return refused(e, 'password');
    }
    return { form: 'password', success: 'Your password was changed, and your other sessions were signed out.' };
  },
  email: async (event) => {
    const form = await formOf(event);
    const newEmail = text(form, 'newEmail');
    try {
      await graphql(event.fetch, RequestEmailChangeDocument, { input: { newEmail, currentPassword: String(form.get('currentPassword') ?? '') } });
    } catch (e) {
      return refused(e, 'email', { newEmail });
    }
    return { form: 'email', success: `We sent a link to ${newEmail}. Your address changes when you open it.` };
  },
  signOutSession: async (event) => {
    const id = String((await formOf(event)).get('id') ?? '');
    try {
      await graphql(event.fetch, SignOutSessionDocument, { id });
    } catch (e) {
      return refused(e, 'sessions');
    }
    return { form: 'sessions', success: 'That session was signed out.' };
  },
  signOutEverywhere: async (event) => {
    await formOf(event);
    try {
      await graphql(event.fetch, SignOutEverywhereDocument);
    } catch (e) {
      return refused(e, 'sessions');
    }
    clearSession(event.cookies);
    redirect(303, '/login?next=/account');
  },
};
