import { fail, redirect, type Cookies, type RequestEvent, type ServerLoadEvent } from '@sveltejs/kit';
import type { TypedDocumentString } from '@peerdesk/api-client';
import { dev } from '$app/environment';
import { graphql, GraphQLRequestError, SESSION_COOKIE, type Variables } from './graphql';
import type { FieldErrors, FormAnswer } from '$lib/form-state';
import { refusalMessage } from '$lib/refusal';
import { safeNext } from '$lib/safe-next';

/** The first message per field of a VALIDATION_FAILED error, for showing beside each field. */
export function fieldErrors(e: GraphQLRequestError): FieldErrors {
  const fields: FieldErrors = {};
  if (Array.isArray(e.fields)) for (const f of e.fields as Array<{ field: string; message: string }>) fields[f.field] ??= f.message;
  return fields;
}

/** A refused form's answer: every field is always there, so a page needs no checks to read it. */
type Refusal = Required<Pick<FormAnswer, 'form' | 'message' | 'fields' | 'values'>>;

const STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, RATE_LIMITED: 429, API_UNAVAILABLE: 503 };

/** A form the web refuses before asking the API (a field it cannot even read as the right type). */
export function invalid(form: string, fields: FieldErrors, values: Record<string, string> = {}) {
  return fail(400, { form, message: 'Please correct the marked fields.', fields, values } satisfies Refusal);
}

interface FormActionOptions<T, R> {
  /** What the person typed, sent back on a refusal so the form keeps it (never a password or a secret). */
  values?: Record<string, string>;
  /** What to tell the person when it worked. */
  success?: string;
  /** What to do with the answer when it worked: set a cookie, redirect, or return more for the page. */
  then?: (data: T) => R;
  /** Anyone may send this form (signing in, registering, a link from an e-mail, a preview); otherwise a visitor goes to sign in first. */
  anyone?: boolean;
}

/**
 * Every page's form action: sends the mutation to the API and answers `{ form, success }` (plus what
 * `then` returns, unless it redirects). A refusal becomes `fail(status, { form, message, fields, values })`,
 * its status and message from the GraphQL error's `extensions.code`, each field's message from
 * `extensions.fields`, and what was typed, so the form keeps it, also without JavaScript.
 */
export async function formAction<T, V extends Variables, R extends object = object>(
  event: RequestEvent,
  form: string,
  document: TypedDocumentString<T, V>,
  variables: V,
  { values = {}, success, then, anyone = false }: FormActionOptions<T, R> = {},
) {
  // hooks.server.ts drops a session the API no longer knows, so a cookie here is a member's (or the API is down, which the call says).
  if (!anyone && !event.cookies.get(SESSION_COOKIE)) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
  let data: T;
  try {
    data = await graphql(document as TypedDocumentString<T, Variables>, variables);
  } catch (e) {
    if (!(e instanceof GraphQLRequestError)) throw e;
    const message = refusalMessage(e.code, e.message, e.errors[0]?.extensions);
    return fail(STATUS[e.code] ?? 400, { form, message, fields: fieldErrors(e), values } satisfies Refusal);
  }
  return { form, success, ...then?.(data) } as { form: string; success?: string } & R;
}

/** A text field of a submitted form, trimmed; '' when absent. */
export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** A field as typed, untrimmed (a password); '' when absent. */
export function raw(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** The named text fields of a submitted form, to send back with a refusal. */
export function textValues(form: FormData, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, text(form, name)]));
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
