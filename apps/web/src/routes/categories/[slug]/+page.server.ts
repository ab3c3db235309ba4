import { error } from '@sveltejs/kit';
import { CategoryIdDocument, CategoryPageDocument, SetCategoryAnnouncementDocument, WatchCategoryDocument } from '@peerdesk/api-client';
import { can, LIMITS } from '@peerdesk/domain';
import { formAction, text } from '$lib/server/forms';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import { listQuery } from '$lib/server/question-filters';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

export const load: PageServerLoad = async ({ params, url, locals }) => {
  try {
    const list = listQuery(url);
    // Pinned questions head the first page; the paged list is the rest.
    const data = await graphql(CategoryPageDocument, {
      slug: params.slug,
      filter: { ...list.filter, pinned: false },
      pinnedFilter: { ...list.filter, pinned: true },
      orderBy: list.orderBy,
      after: list.after,
      first: PAGE_SIZE,
      firstPage: list.after === null,
    });
    // The lists go to the page once, as `questions`, not a second time inside the category.
    const { questions, pinned, announcement, ...category } = data.category;
    const pinnedQuestions = pinned?.edges.map((edge) => edge.node) ?? [];
    return {
      category,
      signedIn: Boolean(locals.viewer),
      announcement,
      canPinAnnouncement: !!locals.viewer && can(locals.viewer.role, 'moderate_threads'),
      announcementMax: LIMITS.announcement.max,
      show: list.show,
      sort: list.sort,
      tag: list.tag,
      paged: list.after !== null,
      questions: [...pinnedQuestions, ...questions.edges.map((edge) => edge.node)],
      totalCount: questions.totalCount + (pinned?.totalCount ?? 0),
      // The API stops counting a long list (COUNT_CAP): then there are more than it says.
      totalCountIsExact: questions.totalCountIsExact,
      nextCursor: questions.pageInfo.hasNextPage ? questions.pageInfo.endCursor : null,
      now: new Date().toISOString(),
    };
  } catch (e) {
    if (e instanceof GraphQLRequestError && e.code === 'NOT_FOUND') error(404, { code: e.code, message: 'There is no such category.' });
    if (e instanceof GraphQLRequestError && e.code === 'VALIDATION_FAILED') error(400, { code: e.code, message: 'That page link is out of date. Start again from the first page.' });
    throw e;
  }
};

export const actions: Actions = {
  watch: async (event) => {
    const form = await event.request.formData();
    const watching = text(form, 'watching') === 'true';
    return formAction(event, 'watch', WatchCategoryDocument, { categoryId: text(form, 'categoryId'), watching }, {
      success: watching ? 'You will be notified of every new question in this category.' : 'You stopped watching this category.',
    });
  },
  /** Pin, change or (with "clear", an empty message) take down the category's announcement; the API checks who may. */
  setAnnouncement: async (event) => {
    const form = await event.request.formData();
    const message = form.has('clear') ? '' : text(form, 'message');
    const { category } = await graphql(CategoryIdDocument, { slug: event.params.slug });
    return formAction(event, 'setAnnouncement', SetCategoryAnnouncementDocument, { categoryId: category.id, message }, {
      values: { message },
      success: message ? 'Announcement pinned in this category.' : 'Announcement taken down.',
    });
  },
};
