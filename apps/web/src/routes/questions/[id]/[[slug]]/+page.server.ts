import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import {
  AcceptAnswerDocument,
  DeleteAnswerDocument,
  EditAnswerDocument,
  EditQuestionDocument,
  PostAnswerDocument,
  PostCommentDocument,
  QuestionPageDocument,
  UnacceptAnswerDocument,
  VoteDocument,
  WatchQuestionDocument,
} from '@peerdesk/api-client';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import { refused } from '$lib/server/forms';
import { previewAction } from '$lib/server/preview';
import { text, textValues } from '$lib/server/console';
import { questionPath } from '$lib/slug';
import { parseTags } from '$lib/tags';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params, url }) => {
  // ?edit=question or ?edit=<answer id> opens that post's editor, which needs the Markdown sources.
  const editing = url.searchParams.get('edit');
  let question;
  try {
    ({ question } = await graphql(fetch, QuestionPageDocument, { id: params.id, withSource: editing !== null }));
  } catch (e) {
    if (e instanceof GraphQLRequestError && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION_FAILED')) error(404, { code: 'NOT_FOUND', message: 'This question does not exist or was removed.' });
    if (e instanceof GraphQLRequestError && e.unavailable) error(503, { code: e.code, message: 'The community service is not answering right now. Please try again in a minute.' });
    throw e;
  }
  // A duplicate's readers belong on the original; the notice says why they landed there.
  if (question.duplicateOf) redirect(303, `${questionPath(question.duplicateOf)}?duplicate=${encodeURIComponent(question.id)}`);
  const duplicate = url.searchParams.get('duplicate');
  return { question, duplicate, editing, now: new Date().toISOString() };
};

/** Every action but preview needs a member; a visitor is sent to sign in and brought back. */
function requireMember(event: RequestEvent) {
  if (!event.locals.viewer) redirect(303, `/login?next=${encodeURIComponent(event.url.pathname)}`);
}

export const actions: Actions = {
  preview: (event) => previewAction(event, ['targetId', 'targetType', 'title', 'tags']),

  answer: async (event) => {
    requireMember(event);
    const body = text(await event.request.formData(), 'body');
    try {
      await graphql(event.fetch, PostAnswerDocument, { input: { questionId: event.params.id, body } });
    } catch (e) {
      return refused(e, 'answer', { body });
    }
    return { form: 'answer', success: 'Thanks — your answer is posted.' };
  },

  editQuestion: async (event) => {
    requireMember(event);
    const values = textValues(await event.request.formData(), ['title', 'body', 'tags']);
    try {
      await graphql(event.fetch, EditQuestionDocument, { input: { id: event.params.id, title: values.title, body: values.body, tags: parseTags(values.tags) } });
    } catch (e) {
      return refused(e, 'edit-question', values);
    }
    redirect(303, questionPath({ id: event.params.id, title: values.title }));
  },

  editAnswer: async (event) => {
    requireMember(event);
    const data = await event.request.formData();
    const answerId = text(data, 'answerId');
    const body = text(data, 'body');
    try {
      await graphql(event.fetch, EditAnswerDocument, { input: { id: answerId, body } });
    } catch (e) {
      return refused(e, `edit-${answerId}`, { body });
    }
    redirect(303, `${event.url.pathname}#answer-${answerId}`);
  },

  deleteAnswer: async (event) => {
    requireMember(event);
    const answerId = text(await event.request.formData(), 'answerId');
    try {
      await graphql(event.fetch, DeleteAnswerDocument, { id: answerId });
    } catch (e) {
      return refused(e, `delete-${answerId}`);
    }
    return { form: 'deleteAnswer', success: 'The answer is deleted.' };
  },

  comment: async (event) => {
    requireMember(event);
    const data = await event.request.formData();
    const body = text(data, 'body');
    const targetId = text(data, 'targetId');
    const targetType = text(data, 'targetType') === 'ANSWER' ? 'ANSWER' : 'QUESTION';
    const form = `comment-${targetId}`;
    try {
      await graphql(event.fetch, PostCommentDocument, { input: { targetId, targetType, body } });
    } catch (e) {
      return refused(e, form, { body });
    }
    return { form, success: 'Comment posted.' };
  },

  accept: async (event) => {
    requireMember(event);
    const answerId = text(await event.request.formData(), 'answerId');
    try {
      await graphql(event.fetch, AcceptAnswerDocument, { answerId });
    } catch (e) {
      return refused(e, `accept-${answerId}`);
    }
    return { form: `accept-${answerId}`, success: 'Answer accepted — thanks for closing the loop.' };
  },

  unaccept: async (event) => {
    requireMember(event);
    try {
      await graphql(event.fetch, UnacceptAnswerDocument, { questionId: event.params.id });
    } catch (e) {
      return refused(e, 'unaccept');
    }
    return { form: 'unaccept', success: 'The answer is no longer marked as the solution.' };
  },

  vote: async (event) => {
    requireMember(event);
    const data = await event.request.formData();
    const targetId = text(data, 'targetId');
    const targetType = text(data, 'targetType') === 'ANSWER' ? 'ANSWER' : 'QUESTION';
    const value = Number(text(data, 'value'));
    try {
      await graphql(event.fetch, VoteDocument, { input: { targetId, targetType, value } });
    } catch (e) {
      return refused(e, `vote-${targetId}`);
    }
    return { form: `vote-${targetId}` };
  },

  watch: async (event) => {
    requireMember(event);
    const watching = text(await event.request.formData(), 'watching') === 'true';
    try {
      await graphql(event.fetch, WatchQuestionDocument, { questionId: event.params.id, watching });
    } catch (e) {
      return refused(e, 'watch');
    }
    return { form: 'watch', success: watching ? 'You will be notified of new answers.' : 'You stopped watching this question.' };
  },
};
