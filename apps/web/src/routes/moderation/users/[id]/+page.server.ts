import {
  ModerationSetUserAffiliationDocument,
  ModerationSetTrustLevelDocument,
  ModerationSetUserRoleDocument,
  ModerationSilenceUserDocument,
  ModerationSuspendUserDocument,
  ModerationUnsilenceUserDocument,
  ModerationUnlockTrustLevelDocument,
  ModerationUnsuspendUserDocument,
  ModerationUserAuditDocument,
  ModerationUserDocument,
} from '@peerdesk/api-client';
import { AFFILIATIONS, can, isAffiliation, isRole, LIMITS, ROLES, TRUST_LEVELS, type TrustLevel } from '@peerdesk/domain';
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { CONSOLE_FORBIDDEN, consoleQuery } from '$lib/server/console';
import { formAction, invalid, text, textValues } from '$lib/server/forms';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import type { Actions, PageServerLoad } from './$types';
import { absoluteTime, displayZone } from '$lib/time';

export const load: PageServerLoad = async (event) => {
  // A profile is public, so the API's answer alone would not keep a member out: the page is for those who manage
  // users (everything on it that is not public, the API refuses or hides for anyone else).
  const viewer = event.locals.viewer;
  if (!viewer) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
  if (!can(viewer.role, 'manage_users')) error(403, { code: 'FORBIDDEN', message: CONSOLE_FORBIDDEN });
  const { user } = await consoleQuery(event, ModerationUserDocument, { id: event.params.id });
  // The audit history is for those who may read the audit log; the rest of the page is for whoever manages users.
  let audit = null;
  try {
    audit = (await graphql(ModerationUserAuditDocument, { id: user.id })).userAuditLog;
  } catch (e) {
    if (!(e instanceof GraphQLRequestError) || e.code !== 'FORBIDDEN') throw e;
  }
  const zone = displayZone(viewer.timeZone);
  const shown = (r: { until: string; reason: string } | null | undefined) => (r ? { until: absoluteTime(r.until, zone), reason: r.reason } : null);
  return {
    user,
    suspension: shown(user.suspension),
    silence: shown(user.silence),
    audit: audit?.map((entry) => ({ ...entry, at: absoluteTime(entry.createdAt, zone) })) ?? null,
    mayChangeRole: can(viewer.role, 'set_user_role') && viewer.id !== user.id,
    maySetTrustLevel: can(viewer.role, 'set_trust_level'),
    trustLevels: TRUST_LEVELS,
    roles: ROLES,
    affiliations: AFFILIATIONS,
    reasonMax: LIMITS.restrictionReason.max,
    // The earliest end the date field offers: tomorrow (UTC).
    minDate: new Date(Date.now() + 24 * 3600 * 1000).toISOString().slice(0, 10),
  };
};

/** A date field (YYYY-MM-DD) as the start of that day in UTC; null when it is not a date. */
function startOfDayUtc(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const at = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Suspending and silencing share their form: an end date and a reason. */
async function restrain(event: RequestEvent<{ id: string }>, name: 'suspend' | 'silence') {
  const form = await event.request.formData();
  const values = textValues(form, ['until', 'reason']);
  const until = startOfDayUtc(values.until);
  if (!until) return invalid(name, { until: 'Choose the day it ends.' }, values);
  const variables = { userId: event.params.id, until: until.toISOString(), reason: values.reason };
  const untilText = absoluteTime(until, displayZone(event.locals.viewer?.timeZone));
  return name === 'suspend'
    ? formAction(event, name, ModerationSuspendUserDocument, variables, { values, success: `Suspended until ${untilText}.` })
    : formAction(event, name, ModerationSilenceUserDocument, variables, { values, success: `Silenced until ${untilText}: their posts wait for review.` });
}

export const actions: Actions = {
  suspend: (event) => restrain(event, 'suspend'),
  silence: (event) => restrain(event, 'silence'),
  unsuspend: async (event) => {
    const form = await event.request.formData();
    return formAction(event, 'unsuspend', ModerationUnsuspendUserDocument, { userId: event.params.id, reason: text(form, 'reason') || null }, {
      values: textValues(form, ['reason']),
      success: 'Suspension lifted.',
    });
  },
  unsilence: async (event) => {
    const form = await event.request.formData();
    return formAction(event, 'unsilence', ModerationUnsilenceUserDocument, { userId: event.params.id, reason: text(form, 'reason') || null }, {
      values: textValues(form, ['reason']),
      success: 'Silence lifted.',
    });
  },
  setTrustLevel: async (event) => {
    const form = await event.request.formData();
    const values = textValues(form, ['level', 'reason']);
    if (!(TRUST_LEVELS as readonly string[]).includes(values.level)) return invalid('setTrustLevel', { level: `Choose one of ${TRUST_LEVELS.join(', ')}.` }, values);
    return formAction(event, 'setTrustLevel', ModerationSetTrustLevelDocument, { userId: event.params.id, level: values.level as TrustLevel, reason: values.reason }, {
      values,
      success: `Trust level set to ${values.level.toLowerCase()} and locked: the activity rule leaves it alone until you unlock it.`,
    });
  },
  unlockTrustLevel: (event) =>
    formAction(event, 'unlockTrustLevel', ModerationUnlockTrustLevelDocument, { userId: event.params.id }, {
      success: 'Unlocked: the activity rule decides the trust level again.',
    }),
  setRole: async (event) => {
    const form = await event.request.formData();
    const role = text(form, 'role');
    if (!isRole(role)) return invalid('setRole', { role: `Choose one of ${ROLES.join(', ')}.` });
    return formAction(event, 'setRole', ModerationSetUserRoleDocument, { userId: event.params.id, role }, { success: 'Role changed.' });
  },
  setAffiliation: async (event) => {
    const form = await event.request.formData();
    const affiliation = text(form, 'affiliation');
    if (!isAffiliation(affiliation)) return invalid('setAffiliation', { affiliation: `Choose one of ${AFFILIATIONS.join(', ')}.` });
    return formAction(event, 'setAffiliation', ModerationSetUserAffiliationDocument, { userId: event.params.id, affiliation }, { success: 'Affiliation changed.' });
  },
};
