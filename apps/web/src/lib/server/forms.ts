import { fail, redirect, type Cookies, type ServerLoadEvent } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { GraphQLRequestError, SESSION_COOKIE } from './graphql';
import { refusalMessage } from '$lib/refusal';
import { safeNext } from '$lib/safe-next';

/** One field's message from the API's VALIDATION_FAILED, keyed by field name. */
export type FieldErrors = Record<string, string>;

/** The first message per field of a VALIDATION_FAILED error, for showing beside each field. */
export function fieldErrors(e: GraphQLRequestError): FieldErrors {
  const fields: FieldErrors = {};
  if (Array.isArray(e.fields)) for (const f of e.fields as Array<{ field: string; message: string }>) fields[f.field] ??= f.message;
  return fields;
}

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, API_UNAVAILABLE: 503 };

/**
 * A form action's answer to a refused mutation: the message for the form, each field's message beside
 * its field (`extensions.fields`), and what was typed so the form keeps it — also without JavaScript.
 */
export function refused(e: unknown, form: string, values: Record<string, string> = {}) {
  if (!(e instanceof GraphQLRequestError)) throw e;
  const fields = fieldErrors(e);
  const message = refusalMessage(e.code, e.message, e.errors[0]?.extensions);
  return fail(STATUS[e.code] ?? 400, { form, message, fields, values });
}

/** The session cookie's attributes, the same when it is set and when it is cleared (httpOnly, SameSite=Lax, Secure in production). */
function sessionCookie() {
  return { path: '/', httpOnly: true, sameSite: 'lax', secure: !dev && process.env.NODE_ENV === 'production' } as const;
}

/** Keeps the API's session token on the web's own origin. */
export function setSession(cookies: Cookies, token: string, expiresAt: string): void {
  cookies.set(SESSION_COOKIE, token, { ...sessionCookie(), expires: new Date(expiresAt) });
}

/** Forgets the session in this browser (sign-out, a session the API no longer knows, a deleted account). */
export function clearSession(cookies: Cookies): void {
  cookies.delete(SESSION_COOKIE, sessionCookie());
}

/** The sign-in and sign-up pages' load: someone already signed in goes on to where they were headed. */
export function leaveIfSignedIn({ locals, url }: Pick<ServerLoadEvent, 'locals' | 'url'>): void {
  if (locals.viewer) redirect(303, safeNext(url.searchParams.get('next')));
}
