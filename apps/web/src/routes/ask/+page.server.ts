import { redirect } from '@sveltejs/kit';
import { AskFormDocument, AskQuestionDocument } from '@peerdesk/api-client';
import { graphql } from '$lib/server/graphql';
import { refused } from '$lib/server/forms';
import { previewAction } from '$lib/server/preview';
import { textValues } from '$lib/server/console';
import { questionPath } from '$lib/slug';
import { askSessionId } from '$lib/server/ask-events';
import { parseTags } from '$lib/tags';
import type { Actions, PageServerLoad } from './$types';

const FIELDS = ['title', 'body', 'categoryId', 'tags', 'askSessionId'] as const;

export const load: PageServerLoad = async ({ fetch, locals, url }) => {
  if (!locals.viewer) redirect(303, `/login?next=${encodeURIComponent(url.pathname + url.search)}`);
  const { categories } = await graphql(fetch, AskFormDocument);
  // One id per ask attempt ties the suggestions shown to whether a question was posted after all.
  return { categories, category: url.searchParams.get('category') ?? '', askSessionId: crypto.randomUUID() };
};

export const actions: Actions = {
  preview: (event) => previewAction(event, ['title', 'categoryId', 'tags', 'askSessionId']),

  ask: async (event) => {
    if (!event.locals.viewer) redirect(303, '/login?next=/ask');
    const form = await event.request.formData();
    const values = textValues(form, FIELDS);
    let asked;
    try {
      asked = await graphql(event.fetch, AskQuestionDocument, {
        input: { title: values.title, body: values.body, categoryId: values.categoryId, tags: parseTags(values.tags), askSessionId: askSessionId(values.askSessionId) },
      });
    } catch (e) {
      return refused(e, 'ask', values);
    }
    redirect(303, questionPath(asked.askQuestion));
  },
};

