import {
  AdminCreateCategoryDocument,
  AdminCreateWebhookDocument,
  AdminDeleteWebhookDocument,
  AdminPageDocument,
  AdminSetAnnouncementDocument,
  AdminSetCategoryStaffTeamDocument,
  AdminSetSpamRulesDocument,
  AdminUpdateCategoryDocument,
  AdminWebhookDeliveriesDocument,
} from '@peerdesk/api-client';
import { redirect } from '@sveltejs/kit';
import { LIMITS, WEBHOOK_EVENTS } from '@peerdesk/domain';
import { consoleQuery } from '$lib/server/console';
import { formAction, invalid, text, textValues } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// The API's list (apps/api/src/webhooks/webhook.model.ts); it refuses any other name.

export const load: PageServerLoad = async (event) => {
  // The old user look-up (?user=<id>) lives on as the users search, which takes a name, an address or an id.
  const lookup = event.url.searchParams.get('user')?.trim();
  if (lookup) redirect(303, `/moderation/users?q=${encodeURIComponent(lookup)}`);
  const data = await consoleQuery(event, AdminPageDocument);
  const webhookId = event.url.searchParams.get('deliveries') ?? '';
  const deliveries = webhookId
    ? (await consoleQuery(event, AdminWebhookDeliveriesDocument, { id: webhookId })).webhookDeliveries
    : null;
  // Every window has the same ceiling in the API's limits.
  const maxHours = LIMITS.peerWindowHours.max;
  return { ...data, deliveries, webhookId, webhookEvents: WEBHOOK_EVENTS, maxHours, maxAutoCloseDays: LIMITS.solvedAutoCloseDays.max, announcementMax: LIMITS.announcement.max, webhookSecretMin: LIMITS.webhookSecret.min };
};

/** A whole number (of hours, or `unit`) from a number field; '' leaves the setting as it is (or at its default). */
function hours(form: FormData, name: string, errors: Record<string, string>, unit = 'hours'): number | undefined {
  const value = text(form, name);
  if (value === '') return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) errors[name] = `Enter a whole number of ${unit}.`;
  return n;
}

/** The category fields of a create or update form, with what could not even be read as the right type. */
function categoryFields(form: FormData) {
  const errors: Record<string, string> = {};
  const calendarText = text(form, 'businessCalendar');
  // Its shape is the API's to check (it names what is wrong); here it only has to be JSON.
  let businessCalendar: Record<string, unknown> | undefined;
  if (calendarText) {
    try {
      businessCalendar = JSON.parse(calendarText) as Record<string, unknown>;
    } catch {
      errors.businessCalendar = 'Business hours must be JSON, e.g. {"timeZone": "Europe/Dublin", "week": {"mon": [{"start": "09:00", "end": "17:00"}]}}.';
    }
  }
  const input = {
    name: text(form, 'name') || undefined,
    slug: text(form, 'slug') || undefined,
    description: form.has('description') ? text(form, 'description') : undefined,
    peerWindowHours: hours(form, 'peerWindowHours', errors),
    unsolvedWindowHours: hours(form, 'unsolvedWindowHours', errors),
    fastLanePeerWindowHours: hours(form, 'fastLanePeerWindowHours', errors),
    staffResponseHours: hours(form, 'staffResponseHours', errors),
    solvedAutoCloseDays: hours(form, 'solvedAutoCloseDays', errors, 'days'),
    businessCalendar,
  };
  return { input, errors };
}

const CATEGORY_FIELDS = ['name', 'slug', 'description', 'peerWindowHours', 'unsolvedWindowHours', 'fastLanePeerWindowHours', 'staffResponseHours', 'solvedAutoCloseDays', 'businessCalendar'];

export const actions: Actions = {
  createCategory: async (event) => {
    const form = await event.request.formData();
    const values = textValues(form, CATEGORY_FIELDS);
    const { input, errors } = categoryFields(form);
    if (Object.keys(errors).length) return invalid('createCategory', errors, values);
    // The API asks for a name and a slug; sending '' lets it say so beside each field.
    const create = { ...input, name: input.name ?? '', slug: input.slug ?? '', fastLanePeerWindowHours: input.fastLanePeerWindowHours || null,
      solvedAutoCloseDays: input.solvedAutoCloseDays || null };
    return formAction(event, 'createCategory', AdminCreateCategoryDocument, { input: create }, { values, success: `Category “${create.name}” created.` });
  },
  updateCategory: async (event) => {
    const form = await event.request.formData();
    const id = text(form, 'id');
    const values = textValues(form, CATEGORY_FIELDS);
    const { input, errors } = categoryFields(form);
    if (Object.keys(errors).length) return invalid(`updateCategory:${id}`, errors, values);
    // The field shows the stored days, so an emptied one means "never" (0 to the API).
    const update = { id, ...input, solvedAutoCloseDays: input.solvedAutoCloseDays ?? 0 };
    return formAction(event, `updateCategory:${id}`, AdminUpdateCategoryDocument, { input: update }, { values, success: 'Category saved.' });
  },
  setStaffTeam: async (event) => {
    const form = await event.request.formData();
    const categoryId = text(form, 'categoryId');
    const userIds = form.getAll('userIds').map(String);
    return formAction(event, `setStaffTeam:${categoryId}`, AdminSetCategoryStaffTeamDocument, { categoryId, userIds }, { success: 'Staff team saved.' });
  },
  setAnnouncement: async (event) => {
    const form = await event.request.formData();
    // "Take it down" sends an empty message, which the API reads as clearing the announcement.
    const message = form.has('clear') ? '' : text(form, 'message');
    return formAction(event, 'setAnnouncement', AdminSetAnnouncementDocument, { message }, {
      values: { message },
      success: message ? 'Announcement published on the home page.' : 'Announcement taken down.',
    });
  },
  setSpamRules: async (event) => {
    const form = await event.request.formData();
    const words = text(form, 'words');
    const domains = text(form, 'domains');
    // One entry a line; the API trims, lower-cases and drops blank lines and duplicates.
    const lines = (value: string) => value.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
    return formAction(event, 'setSpamRules', AdminSetSpamRulesDocument, { words: lines(words), domains: lines(domains) }, {
      values: { words, domains },
      success: 'Spam rules saved. New posts are checked against them from now on.',
    });
  },
  createWebhook: async (event) => {
    const form = await event.request.formData();
    return formAction(event, 'createWebhook', AdminCreateWebhookDocument, { input: { url: text(form, 'url'), secret: text(form, 'secret'), events: form.getAll('events').map(String) } }, {
      values: textValues(form, ['url']), // never the secret: it is not echoed into a page
      success: 'Webhook added. Keep the secret: it is not shown again.',
    });
  },
  deleteWebhook: async (event) => {
    const form = await event.request.formData();
    return formAction(event, 'deleteWebhook', AdminDeleteWebhookDocument, { id: text(form, 'id') }, { success: 'Webhook deleted.' });
  },
};
