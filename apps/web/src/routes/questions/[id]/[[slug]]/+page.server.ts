import { error, isActionFailure, redirect } from '@sveltejs/kit';
import {
  CloseQuestionDocument,
  DeleteQuestionDocument,
  EscalateQuestionDocument,
  HidePostDocument,
  RestorePostDocument,
  LockQuestionDocument,
  MarkDuplicateDocument,
  MergeDuplicateAnswersDocument,
  ModerationMenuDocument,
  MoveQuestionDocument,
  PinQuestionDocument,
  ReopenQuestionDocument,
  SimilarQuestionsDocument,
  UnlockQuestionDocument,
  UnpinQuestionDocument,
  AcceptAnswerDocument,
  DeleteAnswerDocument,
  EditAnswerDocument,
  EditQuestionDocument,
  FlagDocument,
  PostAnswerDocument,
  PostCommentDocument,
  QuestionPageDocument,
  RequestSecondLookDocument,
  ResolvePrivatelyDocument,
  SendPrivateMessageDocument,
  UnacceptAnswerDocument,
  VoteDocument,
  WatchQuestionDocument,
} from '@peerdesk/api-client';
import { can, CLOSE_REASON_LABELS, FLAG_REASONS, type FlagReason, LIMITS, MODERATOR_CLOSE_REASONS } from '@peerdesk/domain';
import { graphql, GraphQLRequestError } from '$lib/server/graphql';
import { formAction, text, textValues } from '$lib/server/forms';
import { personalDataWarning } from '$lib/server/personal-data';
import { previewAction } from '$lib/server/preview';
import { questionPath } from '$lib/slug';
import { parseTags } from '$lib/server/tags';
import { privateConversationFor } from '$lib/server/private-conversation';
import { staffStepActions } from '$lib/server/staff-steps';
import type { Actions, PageServerLoad } from './$types';

/** The reasons a moderator closes with from the menu (a duplicate is marked with its original instead). */
const CLOSE_CHOICES = MODERATOR_CLOSE_REASONS.map((value) => ({ value, label: CLOSE_REASON_LABELS[value] }));

export const load: PageServerLoad = async ({ params, url, locals }) => {
  // ?edit=question or ?edit=<answer id> opens that post's editor, which needs the Markdown sources.
  const editing = url.searchParams.get('edit');
  let question;
  try {
    ({ question } = await graphql(QuestionPageDocument, { id: params.id, withSource: editing !== null }));
  } catch (e) {
    if (e instanceof GraphQLRequestError && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION_FAILED')) error(404, { code: 'NOT_FOUND', message: 'This question does not exist or was removed.' });
    if (e instanceof GraphQLRequestError && e.unavailable) error(503, { code: e.code, message: 'The community service is not answering right now. Please try again in a minute.' });
    throw e;
  }
  // A duplicate's readers belong on the original; the notice says why they landed there.
  if (question.duplicateOf) redirect(303, `${questionPath(question.duplicateOf)}?duplicate=${encodeURIComponent(question.id)}`);
  const duplicate = url.searchParams.get('duplicate');
  const moderator = !!locals.viewer && can(locals.viewer.role, 'moderate_threads');
  const closeLabel = question.closeReason ? CLOSE_REASON_LABELS[question.closeReason.kind] : null;
  return {
    question, duplicate, editing, now: new Date().toISOString(), maxTags: LIMITS.tagsPerQuestion.max, closeLabel, flagReasons: FLAG_REASONS,
    moderation: moderator ? await moderationMenu() : null,
    duplicateSearch: question.viewerCanMarkDuplicate ? await originalsFor(question.id, url.searchParams.get('original')) : null,
    canHide: !!locals.viewer && can(locals.viewer.role, 'review_posts'),
    privateConversation: await privateConversationFor(question, locals.viewer),
    mayEndorse: !!locals.viewer && can(locals.viewer.role, 'endorse_answer'),
  };
};

/** What the moderation menu needs besides the question: the categories to move to. */
async function moderationMenu() {
  const { categories } = await graphql(ModerationMenuDocument, {});
  return { categories, closeChoices: CLOSE_CHOICES };
}

/**
 * The mark-duplicate form (for whoever `viewerCanMarkDuplicate`): after a search (?original=<title words>),
 * the questions that could be the original of this one (the similar-questions search, this one left out).
 */
async function originalsFor(questionId: string, search: string | null) {
  const query = search?.trim() ?? '';
  const originals = query.length >= 3
    ? (await graphql(SimilarQuestionsDocument, { title: query })).similarQuestions.filter((q) => q.id !== questionId)
    : null;
  return { originalSearch: query, originals };
}

const postType = (data: FormData) => (text(data, 'targetType') === 'ANSWER' ? 'ANSWER' : 'QUESTION');

export const actions: Actions = {
  ...staffStepActions,
  preview: (event) => previewAction(event, ['targetId', 'targetType', 'title', 'tags']),

  answer: async (event) => {
    const data = await event.request.formData();
    const body = text(data, 'body');
    return personalDataWarning(data, 'answer', [body], { body }) ?? formAction(event, 'answer', PostAnswerDocument, { input: { questionId: event.params.id, body } }, {
      values: { body },
      success: 'Thanks — your answer is posted.',
    });
  },

  editQuestion: async (event) => {
    const data = await event.request.formData();
    const values = textValues(data, ['title', 'body', 'tags', 'reason']);
    const input = { id: event.params.id, title: values.title, body: values.body, tags: parseTags(values.tags), reason: values.reason || undefined };
    return personalDataWarning(data, 'edit-question', [values.title, values.body], values) ?? formAction(event, 'edit-question', EditQuestionDocument, { input }, {
      values,
      then: () => redirect(303, questionPath({ id: event.params.id, title: values.title })),
    });
  },

  // Only the tags of someone else's question (lib/RetagForm.svelte); the API says who may (trust level or role).
  retag: async (event) => {
    const values = textValues(await event.request.formData(), ['tags', 'reason']);
    return formAction(event, 'retag', EditQuestionDocument, { input: { id: event.params.id, tags: parseTags(values.tags), reason: values.reason || undefined } }, {
      values, success: 'The tags are changed.',
    });
  },

  editAnswer: async (event) => {
    const data = await event.request.formData();
    const answerId = text(data, 'answerId');
    const body = text(data, 'body');
    const reason = text(data, 'reason');
    return personalDataWarning(data, `edit-${answerId}`, [body], { body, reason }) ?? formAction(event, `edit-${answerId}`, EditAnswerDocument, { input: { id: answerId, body, reason: reason || undefined } }, {
      values: { body, reason },
      then: () => redirect(303, `${event.url.pathname}#answer-${answerId}`),
    });
  },

  deleteAnswer: async (event) => {
    const data = await event.request.formData();
    const answerId = text(data, 'answerId');
    const deleted = await formAction(event, `delete-${answerId}`, DeleteAnswerDocument, { id: answerId, reason: text(data, 'reason') || null }, {
      values: textValues(data, ['reason']),
    });
    // A refusal shows beside the answer; once it is gone, the success shows above the list.
    return isActionFailure(deleted) ? deleted : { form: 'deleteAnswer', success: 'The answer is deleted.' };
  },

  comment: async (event) => {
    const data = await event.request.formData();
    const body = text(data, 'body');
    const targetId = text(data, 'targetId');
    return personalDataWarning(data, `comment-${targetId}`, [body], { body }) ?? formAction(event, `comment-${targetId}`, PostCommentDocument, { input: { targetId, targetType: postType(data), body } }, {
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
    const targetType = flagTarget(data);
    const reason = (FLAG_REASONS as readonly string[]).includes(text(data, 'reason')) ? (text(data, 'reason') as FlagReason) : 'OTHER';
    const note = text(data, 'note');
    return formAction(event, `flag-${targetId}`, FlagDocument, { input: { targetType, targetId, reason, note: note || null } }, {
      values: { note, reason },
      success: 'Thanks — the moderators will look at it.',
    });
  },

  // Hide or restore any post by hand (form name `mod-hide-<id>`, answering beside the post).
  hide: async (event) => {
    const data = await event.request.formData();
    const id = text(data, 'targetId');
    const reason = text(data, 'reason');
    return formAction(event, `mod-hide-${id}`, HidePostDocument, { targetType: flagTarget(data), id, reason }, {
      values: { reason },
      success: 'Hidden: only its author and the moderators see it now, and the author is told why.',
    });
  },

  restore: async (event) => {
    const data = await event.request.formData();
    const id = text(data, 'targetId');
    return formAction(event, `mod-hide-${id}`, RestorePostDocument, { targetType: flagTarget(data), id }, {
      success: 'Restored: everyone can see it again.',
    });
  },

  secondLook: async (event) => {
    const data = await event.request.formData();
    const id = text(data, 'reviewItemId');
    return formAction(event, `second-look-${text(data, 'targetId')}`, RequestSecondLookDocument, { id }, {
      success: 'Asked: a moderator will look at it again, and you will get a notification.',
    });
  },

  // The moderation menu: each form answers beside itself (form name `mod-<action>`; a toggle's two forms share one, as one replaces the other).
  lock: async (event) => {
    const data = await event.request.formData();
    return formAction(event, 'mod-lock', LockQuestionDocument, { id: event.params.id, reason: text(data, 'reason') }, {
      values: textValues(data, ['reason']), success: 'The question is locked.',
    });
  },

  unlock: (event) => formAction(event, 'mod-lock', UnlockQuestionDocument, { id: event.params.id }, { success: 'The question is unlocked.' }),

  close: async (event) => {
    const data = await event.request.formData();
    const reason = CLOSE_CHOICES.find((choice) => choice.value === text(data, 'reason'))?.value ?? 'OTHER';
    return formAction(event, 'mod-close', CloseQuestionDocument, { id: event.params.id, reason, note: text(data, 'note') || null }, {
      values: textValues(data, ['reason', 'note']), success: 'The question is closed.',
    });
  },

  reopen: (event) => formAction(event, 'mod-close', ReopenQuestionDocument, { id: event.params.id }, { success: 'The question is open again.' }),

  move: async (event) => {
    const data = await event.request.formData();
    return formAction(event, 'mod-move', MoveQuestionDocument, { id: event.params.id, categoryId: text(data, 'categoryId'), reason: text(data, 'reason') }, {
      values: textValues(data, ['categoryId', 'reason']), success: 'The question moved.',
    });
  },

  deleteQuestion: async (event) => {
    const data = await event.request.formData();
    return formAction(event, 'mod-delete', DeleteQuestionDocument, { id: event.params.id, reason: text(data, 'reason') }, {
      values: textValues(data, ['reason']),
      then: () => redirect(303, '/moderation?deleted=1'),
    });
  },

  pin: (event) => formAction(event, 'mod-pin', PinQuestionDocument, { id: event.params.id }, { success: 'Pinned to the top of its category.' }),
  unpin: (event) => formAction(event, 'mod-pin', UnpinQuestionDocument, { id: event.params.id }, { success: 'Unpinned.' }),

  escalate: async (event) => {
    const data = await event.request.formData();
    return formAction(event, 'mod-escalate', EscalateQuestionDocument, { questionId: event.params.id, reason: text(data, 'reason') }, {
      values: textValues(data, ['reason']), success: 'Sent to the staff queue.',
    });
  },

  /** Marks this question a duplicate of the original picked from the search (lib/MarkDuplicateForm.svelte), and with `merge` moves its answers there too. */
  markDuplicate: async (event) => {
    const data = await event.request.formData();
    const originalId = text(data, 'originalId');
    const marked = await formAction(event, 'mod-duplicate', MarkDuplicateDocument, { questionId: event.params.id, originalId });
    if (isActionFailure(marked)) return marked;
    // Reloaded, this question now sends its readers to the original, the moderator too.
    if (text(data, 'merge') !== 'on') redirect(303, event.url.pathname);
    return formAction(event, 'mod-duplicate', MergeDuplicateAnswersDocument, { questionId: event.params.id }, {
      then: ({ mergeDuplicateAnswers: original }) => redirect(303, questionPath(original)),
    });
  },

  // The private conversation with our team (lib/PrivateConversation.svelte); other forms post here too, with `body`.
  sendPrivateMessage: async (event) => {
    const body = text(await event.request.formData(), 'body');
    return formAction(event, 'private-message', SendPrivateMessageDocument, { questionId: event.params.id, body }, {
      values: { body }, success: 'Sent privately: only you and our team can read it.',
    });
  },

  resolvePrivately: async (event) => {
    const summary = text(await event.request.formData(), 'summary');
    return formAction(event, 'resolve-privately', ResolvePrivatelyDocument, { questionId: event.params.id, summary: summary || null }, {
      values: { summary }, success: summary ? 'Resolved privately; your summary is posted as an answer.' : 'Resolved privately.',
    });
  },

  watch: async (event) => {
    const watching = text(await event.request.formData(), 'watching') === 'true';
    return formAction(event, 'watch', WatchQuestionDocument, { questionId: event.params.id, watching }, {
      success: watching ? 'You will be notified of new answers.' : 'You stopped watching this question.',
    });
  },
};

/** The kind of post a flag, hide or restore form is about. */
function flagTarget(data: FormData): 'QUESTION' | 'ANSWER' | 'COMMENT' {
  return ({ QUESTION: 'QUESTION', ANSWER: 'ANSWER', COMMENT: 'COMMENT' } as const)[text(data, 'targetType')] ?? 'QUESTION';
}
