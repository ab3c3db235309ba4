import { error, isActionFailure, redirect } from '@sveltejs/kit';
import {
  AcceptAnswerDocument,
  DeleteAnswerDocument,
  EditAnswerDocument,
  EditQuestionDocument,
  FlagDocument,
  PostAnswerDocument,
  PostCommentDocument,
  QuestionPageDocument,
  RequestSecondLookDocument,
  UnacceptAnswerDocument,
  VoteDocument,
  WatchQuestionDocument,
} from '@peerdesk/api-client';
import { FLAG_REASONS, type FlagReason, LIMITS } from '@peerdesk/domain';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import { formAction, text, textValues } from '$lib/server/forms';
import { previewAction } from '$lib/server/preview';
import { questionPath } from '$lib/slug';
import { parseTags } from '$lib/server/tags';
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
  return { question, duplicate, editing, now: new Date().toISOString(), maxTags: LIMITS.tagsPerQuestion.max, flagReasons: FLAG_REASONS };
};

const postType = (data: FormData) => (text(data, 'targetType') === 'ANSWER' ? 'ANSWER' : 'QUESTION');

export const actions: Actions = {
  preview: (event) => previewAction(event, ['targetId', 'targetType', 'title', 'tags']),

  answer: async (event) => {
    const body = text(await event.request.formData(), 'body');
    return formAction(event, 'answer', PostAnswerDocument, { input: { questionId: event.params.id, body } }, {
      values: { body },
      success: 'Thanks — your answer is posted.',
    });
  },

  editQuestion: async (event) => {
    const values = textValues(await event.request.formData(), ['title', 'body', 'tags']);
    const input = { id: event.params.id, title: values.title, body: values.body, tags: parseTags(values.tags) };
    return formAction(event, 'edit-question', EditQuestionDocument, { input }, {
      values,
      then: () => redirect(303, questionPath({ id: event.params.id, title: values.title })),
    });
  },

  editAnswer: async (event) => {
    const data = await event.request.formData();
    const answerId = text(data, 'answerId');
    const body = text(data, 'body');
    return formAction(event, `edit-${answerId}`, EditAnswerDocument, { input: { id: answerId, body } }, {
      values: { body },
      then: () => redirect(303, `${event.url.pathname}#answer-${answerId}`),
    });
  },

  deleteAnswer: async (event) => {
    const answerId = text(await event.request.formData(), 'answerId');
    const deleted = await formAction(event, `delete-${answerId}`, DeleteAnswerDocument, { id: answerId });
    // A refusal shows beside the answer; once it is gone, the success shows above the list.
    return isActionFailure(deleted) ? deleted : { form: 'deleteAnswer', success: 'The answer is deleted.' };
  },

  comment: async (event) => {
    const data = await event.request.formData();
    const body = text(data, 'body');
    const targetId = text(data, 'targetId');
    return formAction(event, `comment-${targetId}`, PostCommentDocument, { input: { targetId, targetType: postType(data), body } }, {
      values: { body },
      success: 'Comment posted.',
    });
  },

  accept: async (event) => {
    const answerId = text(await event.request.formData(), 'answerId');
    return formAction(event, `accept-${answerId}`, AcceptAnswerDocument, { answerId }, { success: 'Answer accepted — thanks for closing the loop.' });
  },

  unaccept: (event) =>
    formAction(event, 'unaccept', UnacceptAnswerDocument, { questionId: event.params.id }, { success: 'The answer is no longer marked as the solution.' }),

  vote: async (event) => {
    const data = await event.request.formData();
    const targetId = text(data, 'targetId');
    return formAction(event, `vote-${targetId}`, VoteDocument, { input: { targetId, targetType: postType(data), value: Number(text(data, 'value')) } });
  },

  flag: async (event) => {
    const data = await event.request.formData();
    const targetId = text(data, 'targetId');
    const targetType = ({ QUESTION: 'QUESTION', ANSWER: 'ANSWER', COMMENT: 'COMMENT' } as const)[text(data, 'targetType')] ?? 'QUESTION';
    const reason = (FLAG_REASONS as readonly string[]).includes(text(data, 'reason')) ? (text(data, 'reason') as FlagReason) : 'OTHER';
    const note = text(data, 'note');
    return formAction(event, `flag-${targetId}`, FlagDocument, { input: { targetType, targetId, reason, note: note || null } }, {
      values: { note, reason },
      success: 'Thanks — the moderators will look at it.',
    });
  },

  secondLook: async (event) => {
    const data = await event.request.formData();
    const id = text(data, 'reviewItemId');
    return formAction(event, `second-look-${text(data, 'targetId')}`, RequestSecondLookDocument, { id }, {
      success: 'Asked: a moderator will look at it again, and you will get a notification.',
    });
  },

  watch: async (event) => {
    const watching = text(await event.request.formData(), 'watching') === 'true';
    return formAction(event, 'watch', WatchQuestionDocument, { questionId: event.params.id, watching }, {
      success: watching ? 'You will be notified of new answers.' : 'You stopped watching this question.',
    });
  },
};
