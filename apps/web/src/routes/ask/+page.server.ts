import { redirect } from '@sveltejs/kit';
import { AskFormDocument, AskQuestionDocument } from '@peerdesk/api-client';
import { LIMITS } from '@peerdesk/domain';
import { graphql } from '$lib/server/graphql';
import { formAction, textValues } from '$lib/server/forms';
import { personalDataWarning } from '$lib/server/personal-data';
import { previewAction } from '$lib/server/preview';
import { questionPath } from '$lib/slug';
import { askSessionId } from '$lib/server/ask-events';
import { parseTags } from '$lib/server/tags';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['title', 'body', 'categoryId', 'tags', 'askSessionId'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
  if (!locals.viewer) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  const { categories } = await graphql(AskFormDocument);
  // One id per ask attempt ties the suggestions shown to whether a question was posted after all.
  return {
    categories, category: url.searchParams.get('category') ?? '', title: prefilledTitle(url), askSessionId: crypto.randomUUID(), maxTags: LIMITS.tagsPerQuestion.max,
  };
};

/** A title handed over in `?title=` (a closed question's "Ask a new question"), on one line and no longer than a title may be. */
function prefilledTitle(url: URL): string {
  return (url.searchParams.get('title') ?? '').replace(/\s+/g, ' ').trim().slice(0, LIMITS.title.max);
}

export const actions: Actions = {
  preview: (event) => previewAction(event, ['title', 'categoryId', 'tags', 'askSessionId']),

  ask: async (event) => {
    const data = await event.request.formData();
    const values = textValues(data, FIELDS);
    const input = { title: values.title, body: values.body, categoryId: values.categoryId, tags: parseTags(values.tags), askSessionId: askSessionId(values.askSessionId) };
    return personalDataWarning(data, 'ask', [values.title, values.body], values) ?? formAction(event, 'ask', AskQuestionDocument, { input }, { values, then: ({ askQuestion }) => redirect(303, questionPath(askQuestion)) });
  },
};
