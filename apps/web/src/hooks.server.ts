import type { Handle } from '@sveltejs/kit';
import { ViewerDocument } from '@peerdesk/api-client';
import { parseImageHosts } from '@peerdesk/domain';
import { env } from '$env/dynamic/private';
import { graphql, GraphQLRequestError, SESSION_COOKIE } from '$lib/server/graphql';
import { clearSession } from '$lib/server/forms';
import { SECURITY_HEADERS, withImageHosts } from '$lib/server/security-headers';

/** The API checks IMAGE_HOSTS at start-up; here it only widens the images the page may load. */
const imageHosts = parseImageHosts(env.IMAGE_HOSTS).hosts;

/**
 * Loads who is signed in once per request (the layout, pages and actions read `locals.viewer`). A
 * session the API no longer knows is dropped, so the visitor is simply signed out.
 */
export const handle: Handle = async ({ event, resolve }) => {
  event.locals.viewer = null;
  event.locals.unreadNotifications = 0;
  if (event.cookies.get(SESSION_COOKIE)) {
    try {
      const data = await graphql(ViewerDocument);
      event.locals.viewer = data.me ?? null;
      event.locals.unreadNotifications = data.me ? data.unreadNotificationCount : 0;
      if (!data.me) clearSession(event.cookies);
    } catch (e) {
      // The API being down must not take the whole site with it: pages show their own error.
      if (!(e instanceof GraphQLRequestError)) throw e;
      if (e.code === 'UNAUTHENTICATED') clearSession(event.cookies);
    }
  }
  const response = await resolve(event);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  const policy = response.headers.get('content-security-policy');
  if (policy) response.headers.set('content-security-policy', withImageHosts(policy, imageHosts));
  return response;
};
