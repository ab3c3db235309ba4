import { redirect } from '@sveltejs/kit';
import {
  AccountSettingsDocument,
  ChangeDisplayNameDocument,
  ChangePasswordDocument,
  type NotificationEmail,
  type NotificationKind,
  NotificationPreferencesDocument,
  RequestEmailChangeDocument,
  SignOutEverywhereDocument,
  SignOutSessionDocument,
  SetNotificationPreferencesDocument,
  SetTimeZoneDocument,
} from '@peerdesk/api-client';
import { LIMITS } from '@peerdesk/domain';
import { graphql } from '$lib/server/graphql';
import { clearSession, formAction, raw, text } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
  if (!locals.viewer) redirect(303, '/login?next=/account');
  const [{ me, sessions }, { notificationPreferences }] = await Promise.all([
    graphql(AccountSettingsDocument),
    graphql(NotificationPreferencesDocument),
  ]);
  return { me, sessions, notificationPreferences, now: new Date().toISOString(), passwordMin: LIMITS.password.min, timeZones: Intl.supportedValuesOf('timeZone') };
};

export const actions: Actions = {
  name: async (event) => {
    const displayName = text(await event.request.formData(), 'displayName');
    return formAction(event, 'name', ChangeDisplayNameDocument, { displayName }, { values: { displayName }, success: 'Your display name was changed.' });
  },
  timeZone: async (event) => {
    const timeZone = text(await event.request.formData(), 'timeZone');
    return formAction(event, 'timeZone', SetTimeZoneDocument, { timeZone: timeZone || null }, {
      values: { timeZone },
      success: timeZone ? 'Times are now shown in your time zone.' : 'Times are now shown in each page’s own zone.',
    });
  },
  password: async (event) => {
    const form = await event.request.formData();
    return formAction(event, 'password', ChangePasswordDocument, { current: raw(form, 'current'), password: raw(form, 'password') }, {
      success: 'Your password was changed, and your other sessions were signed out.',
    });
  },
  email: async (event) => {
    const form = await event.request.formData();
    const newEmail = text(form, 'newEmail');
    return formAction(event, 'email', RequestEmailChangeDocument, { input: { newEmail, currentPassword: raw(form, 'currentPassword') } }, {
      values: { newEmail },
      success: `We sent a link to ${newEmail}. Your address changes when you open it.`,
    });
  },
  /** One form: the usual choice (`notificationEmail`) and one select per kind (`kind:<KIND>`, empty: as usual); the API checks the values. */
  notifications: async (event) => {
    const form = await event.request.formData();
    const kinds = [...form.keys()].filter((key) => key.startsWith('kind:')).map((key) => ({
      kind: key.slice('kind:'.length) as NotificationKind,
      email: (text(form, key) || null) as NotificationEmail | null,
    }));
    const notificationEmail = text(form, 'notificationEmail') as NotificationEmail;
    return formAction(event, 'notifications', SetNotificationPreferencesDocument, { input: { notificationEmail, kinds } }, {
      success: 'Your e-mail preferences were saved.',
    });
  },
  signOutSession: async (event) => {
    const id = text(await event.request.formData(), 'id');
    return formAction(event, 'sessions', SignOutSessionDocument, { id }, { success: 'That session was signed out.' });
  },
  signOutEverywhere: (event) =>
    formAction(event, 'sessions', SignOutEverywhereDocument, {}, {
      then: () => {
        clearSession(event.cookies);
        redirect(303, '/login?next=/account');
      },
    }),
};
