/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Who a user is: a customer from the community or an employee. Deflection counts by this, not by role. */
export type Affiliation =
  | 'COMMUNITY'
  | 'EMPLOYEE';

/** What happened on the ask form: similar questions were shown, or one of them was opened. */
export type AskEventKind =
  | 'SUGGESTIONS_SHOWN'
  | 'SUGGESTION_OPENED';

export type AskQuestionInput = {
  /** The ask page's session id (recordAskEvent): this ask attempt ended in a post. */
  askSessionId?: string | number | null | undefined;
  /** Markdown, 20–30,000 characters. */
  body: string;
  categoryId: string | number;
  /** At most 5; lower-cased. */
  tags?: Array<string>;
  /** 10–200 characters. */
  title: string;
};

/** Every action the audit log records; the names are stable. */
export type AuditAction =
  | 'ACCEPTANCE_WITHDRAWN_FOR_ASKER'
  | 'ACCOUNT_DELETED'
  | 'ANNOUNCEMENT_CLEARED'
  | 'ANNOUNCEMENT_SET'
  | 'ANSWER_ACCEPTED_FOR_ASKER'
  | 'ANSWER_DELETED'
  | 'ANSWER_EDITED'
  | 'ANSWER_ENDORSED'
  | 'ANSWER_UNENDORSED'
  | 'CATEGORY_ANNOUNCEMENT_CLEARED'
  | 'CATEGORY_ANNOUNCEMENT_SET'
  | 'CATEGORY_CREATED'
  | 'CATEGORY_STAFF_TEAM_SET'
  | 'CATEGORY_UPDATED'
  | 'COMMENT_DELETED'
  | 'COMMENT_EDITED'
  | 'ESCALATION_ASSIGNED'
  | 'ESCALATION_CLAIMED'
  | 'ESCALATION_NEEDS_INFO'
  | 'ESCALATION_RELEASED'
  | 'ESCALATION_RETURNED_TO_COMMUNITY'
  | 'POST_HIDDEN'
  | 'POST_RESTORED'
  | 'PRIVATE_CONVERSATION_RESOLVED'
  | 'QUESTION_ANSWERS_MERGED'
  | 'QUESTION_CLOSED'
  | 'QUESTION_DELETED'
  | 'QUESTION_EDITED'
  | 'QUESTION_ESCALATED'
  | 'QUESTION_LOCKED'
  | 'QUESTION_MARKED_DUPLICATE'
  | 'QUESTION_MOVED'
  | 'QUESTION_PINNED'
  | 'QUESTION_REOPENED'
  | 'QUESTION_UNLOCKED'
  | 'QUESTION_UNMARKED_DUPLICATE'
  | 'QUESTION_UNPINNED'
  | 'REVIEW_APPROVED'
  | 'REVIEW_AUTHOR_SUSPENDED'
  | 'REVIEW_DELETED'
  | 'REVIEW_HIDDEN'
  | 'SPAM_RULES_CHANGED'
  | 'TRUST_LEVEL_CHANGED'
  | 'TRUST_LEVEL_SET'
  | 'TRUST_LEVEL_UNLOCKED'
  | 'USER_AFFILIATION_CHANGED'
  | 'USER_ROLE_CHANGED'
  | 'USER_SILENCED'
  | 'USER_SUSPENDED'
  | 'USER_UNSILENCED'
  | 'USER_UNSUSPENDED'
  | 'WEBHOOK_CREATED'
  | 'WEBHOOK_DELETED';

export type AuditLogFilter = {
  action?: AuditAction | null | undefined;
  /** Only what this user did. */
  actorId?: string | number | null | undefined;
  /** At or after this instant. */
  from?: string | null | undefined;
  /** Only entries about this target (with targetType, or any kind of target with this id). */
  targetId?: string | number | null | undefined;
  targetType?: AuditTargetType | null | undefined;
  /** Before this instant (exclusive). */
  to?: string | null | undefined;
};

/** What an audit entry is about. */
export type AuditTargetType =
  | 'ANNOUNCEMENT'
  | 'ANSWER'
  | 'CATEGORY'
  | 'COMMENT'
  | 'QUESTION'
  | 'SPAM_RULES'
  | 'USER'
  | 'WEBHOOK';

/** The author's affiliation when the post was written. */
export type AuthorKind =
  | 'PEER'
  | 'STAFF';

export type CategoryQuestionFilter = {
  authorId?: string | number | null | undefined;
  /** Only pinned questions (true) or only unpinned ones (false): a category page lists its pinned questions first. */
  pinned?: boolean | null | undefined;
  status?: ThreadStatus | null | undefined;
  tag?: string | null | undefined;
  /** Only questions still waiting for an answer: none live yet, and not closed. */
  unanswered?: boolean | null | undefined;
};

/** Why a moderator closed a question. DUPLICATE is set by markDuplicate, which names the original; closeQuestion takes the others. */
export type CloseReason =
  | 'DUPLICATE'
  | 'OFF_TOPIC'
  | 'OTHER'
  | 'RESOLVED'
  | 'RESOLVED_ELSEWHERE';

export type CreateCategoryInput = {
  /** Staff working hours; default Europe/Dublin, Mon–Fri 09:00–17:00. */
  businessCalendar?: Record<string, unknown> | null | undefined;
  description?: string | null | undefined;
  /** A shorter peer window for a member's first question (1–720); null: off. */
  fastLanePeerWindowHours?: number | null | undefined;
  name: string;
  /** Hours the community has to help before staff step in (1–720). */
  peerWindowHours?: number;
  /** Lower-case words joined by hyphens; part of the category address. */
  slug: string;
  /** Days after its acceptance a solved question closes by itself (1–3650); null: never. */
  solvedAutoCloseDays?: number | null | undefined;
  /** Business hours staff have to respond once escalated (1–720). */
  staffResponseHours?: number;
  /** Hours a peer-answered question may stay unsolved before staff step in (1–720). */
  unsolvedWindowHours?: number;
};

export type CreateWebhookInput = {
  /** Any of: question.escalated, escalation.breached, question.solved. */
  events: Array<string>;
  /** At least 16 characters; signs each body: X-Peerdesk-Signature: sha256=<hex HMAC-SHA256(secret, body)>. */
  secret: string;
  /** http:// or https:// URL that receives a POST per event. */
  url: string;
};

/** Exactly one per question as of the report moment; see docs/metrics.md. */
export type DeflectionOutcome =
  | 'ANSWERED_UNSOLVED_PEER_ONLY'
  | 'ANSWERED_UNSOLVED_STAFF'
  | 'PEER_SOLVED'
  | 'PEER_SOLVED_AFTER_ESCALATION'
  | 'SELF_SOLVED'
  | 'STAFF_SOLVED'
  | 'STAFF_SOLVED_PRIVATELY'
  | 'UNANSWERED';

export type DeflectionReportInput = {
  /** Each question is judged as it stood at this instant; default now. */
  asOf?: string | null | undefined;
  /** DAY, WEEK (starting Monday) or MONTH; buckets are in UTC. */
  bucket?: string;
  categoryId?: string | number | null | undefined;
  /** Cohort: questions asked at or after this instant. */
  from: string;
  /** Only questions carrying this tag. */
  tag?: string | null | undefined;
  /** Cohort: questions asked before this instant (exclusive). */
  to: string;
};

export type EditAnswerInput = {
  body: string;
  id: string | number;
  /** Why (kept in the answer's edit history); required when editing someone else's answer. */
  reason?: string | null | undefined;
};

export type EditQuestionInput = {
  body?: string | null | undefined;
  id: string | number;
  /** Why (kept in the question's edit history); required when editing someone else's question. */
  reason?: string | null | undefined;
  tags?: Array<string> | null | undefined;
  title?: string | null | undefined;
};

export type EscalationReason =
  | 'ASKER_REQUEST'
  | 'MODERATOR'
  | 'UNANSWERED_TIMEOUT'
  | 'UNSOLVED_TIMEOUT';

export type FlagInput = {
  /** Required for OTHER; at most 500 characters. */
  note?: string | null | undefined;
  reason: FlagReason;
  targetId: string | number;
  targetType: FlagTargetType;
};

/** UPHELD: the post was hidden or deleted after review; DECLINED: it was approved. */
export type FlagOutcome =
  | 'DECLINED'
  | 'UPHELD';

/** NEEDS_STAFF: account-specific or urgent, for our team. OTHER needs a note. */
export type FlagReason =
  | 'NEEDS_STAFF'
  | 'OFFENSIVE'
  | 'OFF_TOPIC'
  | 'OTHER'
  | 'SPAM';

/** A question, an answer or a comment. */
export type FlagTargetType =
  | 'ANSWER'
  | 'COMMENT'
  | 'QUESTION';

export type LoginInput = {
  email: string;
  password: string;
};

export type ModerationReportInput = {
  /** DAY, WEEK (starting Monday) or MONTH; buckets are in UTC. */
  bucket?: string;
  /** Events at or after this instant. */
  from: string;
  /** Events before this instant (exclusive). */
  to: string;
};

/** VISIBLE to everyone; HELD before anyone else saw it (waiting for a moderator); HIDDEN after (flags or a moderator); DELETED. */
export type ModerationState =
  | 'DELETED'
  | 'HELD'
  | 'HIDDEN'
  | 'VISIBLE';

/** IN_APP_ONLY: no e-mail. IMMEDIATE: one e-mail per notification. DAILY_DIGEST: one e-mail a day listing unread notifications. */
export type NotificationEmail =
  | 'DAILY_DIGEST'
  | 'IMMEDIATE'
  | 'IN_APP_ONLY';

export type NotificationKind =
  | 'ACCEPT_REMINDER'
  | 'ANSWER_ACCEPTED'
  | 'ANSWER_POSTED'
  | 'ASKER_REPLIED'
  | 'COMMENT_POSTED'
  | 'ESCALATION_ASSIGNED'
  | 'ESCALATION_BREACHED'
  | 'FLAGGED_FOR_STAFF'
  | 'MENTIONED'
  | 'NEEDS_INFO'
  | 'POST_MODERATED'
  | 'PRIVATE_MESSAGE'
  | 'QUESTION_ASKED'
  | 'QUESTION_ESCALATED';

export type NotificationKindPreferenceInput = {
  /** Null: follow notificationEmail again. */
  email?: NotificationEmail | null | undefined;
  kind: NotificationKind;
};

export type NotificationPreferencesInput = {
  /** Kinds not listed keep their choice. */
  kinds?: Array<NotificationKindPreferenceInput> | null | undefined;
  notificationEmail?: NotificationEmail | null | undefined;
};

export type PostAnswerInput = {
  /** Markdown. */
  body: string;
  questionId: string | number;
};

export type PostCommentInput = {
  /** Markdown. */
  body: string;
  /** The question or answer to comment on. */
  targetId: string | number;
  targetType: PostTargetType;
};

/** A question or an answer. */
export type PostTargetType =
  | 'ANSWER'
  | 'QUESTION';

export type QuestionOrder =
  | 'ACTIVITY'
  | 'NEWEST'
  | 'SCORE';

export type RecordAskEventInput = {
  /** Opaque random id the ask page makes per attempt: 16–64 characters of A–Z, a–z, 0–9, _ or -. */
  askSessionId: string | number;
  kind: AskEventKind;
  /** The suggestion opened (SUGGESTION_OPENED only). */
  questionId?: string | number | null | undefined;
  /** How many suggestions were shown (SUGGESTIONS_SHOWN only, 1–5). */
  suggestionCount?: number | null | undefined;
};

export type RegisterInput = {
  displayName: string;
  email: string;
  /** At least 10 characters; not a common password, nor one containing the e-mail address. */
  password: string;
};

/** ACCEPTED: the link accepts its answer. NOT_HELPED: "it did not help", the question goes to staff at once. */
export type ReminderChoice =
  | 'ACCEPTED'
  | 'NOT_HELPED';

/** Why a reputation change happened (one row of the ledger). */
export type ReputationKind =
  | 'ACCEPTANCE_WITHDRAWN'
  | 'ANSWER_ACCEPTED'
  | 'ANSWER_UPVOTED'
  | 'ANSWER_UPVOTE_WITHDRAWN'
  | 'DOWNVOTED'
  | 'DOWNVOTE_WITHDRAWN'
  | 'IMPORTED'
  | 'OPENING_BALANCE'
  | 'QUESTION_UPVOTED'
  | 'QUESTION_UPVOTE_WITHDRAWN';

export type RequestEmailChangeInput = {
  currentPassword: string;
  newEmail: string;
};

/** APPROVE shows the post; HIDE hides it; DELETE soft-deletes it; SUSPEND_AUTHOR hides it and suspends its author for 7 days (REVIEW_SUSPENSION_DAYS), with the note as the reason. */
export type ReviewAction =
  | 'APPROVE'
  | 'DELETE'
  | 'HIDE'
  | 'SUSPEND_AUTHOR';

export type ReviewQueueFilter = {
  /** Only items with a flag of this reason (NEEDS_STAFF: for our team). */
  flagReason?: FlagReason | null | undefined;
  reason?: ReviewReason | null | undefined;
  /** Default OPEN. */
  state?: ReviewState | null | undefined;
  targetType?: FlagTargetType | null | undefined;
};

/** FLAGGED by members; NEW_MEMBER: a new member's first posts; SILENCED: a silenced member's posts; SPAM_CHECK: held by a spam check. */
export type ReviewReason =
  | 'FLAGGED'
  | 'NEW_MEMBER'
  | 'SILENCED'
  | 'SPAM_CHECK';

export type ReviewState =
  | 'OPEN'
  | 'RESOLVED';

/** What a user may do (the capability table in @peerdesk/domain). */
export type Role =
  | 'ADMIN'
  | 'MANAGER'
  | 'MEMBER'
  | 'MODERATOR'
  | 'STAFF';

export type SearchFilter = {
  categoryId?: string | number | null | undefined;
  /** Only questions with an accepted answer. */
  solvedOnly?: boolean | null | undefined;
  status?: ThreadStatus | null | undefined;
  tag?: string | null | undefined;
};

/** RELEVANCE blends text relevance, a boost for solved questions and a gentle recency decay. */
export type SearchSort =
  | 'NEWEST'
  | 'RELEVANCE'
  | 'SCORE';

/** The spam check that held a post: more links than its trust level allows, the same body again within minutes, a blocked word, a link to a blocked domain. */
export type SpamCheck =
  | 'BLOCKED_DOMAIN'
  | 'BLOCKED_WORD'
  | 'LINKS_OVER_ALLOWANCE'
  | 'REPEAT';

/** Why the asker may not ask our team now: the peer window is still open, an answer is accepted, staff already have it, or the question is closed. */
export type StaffHelpRefusal =
  | 'ALREADY_WITH_STAFF'
  | 'ANSWER_ACCEPTED'
  | 'CLOSED'
  | 'PEER_WINDOW_OPEN'
  | 'SOLVED';

export type StaffQueueFilter = {
  assigneeId?: string | number | null | undefined;
  categoryId?: string | number | null | undefined;
  /** Only the categories whose staff team the viewer is in; every category when the viewer is in no team. */
  mine?: boolean | null | undefined;
  state?: StaffQueueState | null | undefined;
};

export type StaffQueueState =
  | 'ASSIGNED'
  | 'BREACHED'
  | 'NEEDS_INFO'
  | 'WAITING';

export type ThreadStatus =
  | 'ANSWERED'
  | 'CLOSED'
  | 'ESCALATED'
  | 'OPEN'
  | 'SOLVED';

/** What the community has seen of a member, NEW to LEADER: promoted automatically from activity, or set by a moderator (packages/domain/src/trust-levels.ts). */
export type TrustLevel =
  | 'BASIC'
  | 'LEADER'
  | 'MEMBER'
  | 'NEW'
  | 'REGULAR';

export type UpdateCategoryInput = {
  businessCalendar?: Record<string, unknown> | null | undefined;
  description?: string | null | undefined;
  /** Send 0 to turn the fast lane off. */
  fastLanePeerWindowHours?: number | null | undefined;
  id: string | number;
  name?: string | null | undefined;
  peerWindowHours?: number | null | undefined;
  slug?: string | null | undefined;
  /** Days after its acceptance a solved question closes by itself (1–3650); send 0 to turn auto-close off. */
  solvedAutoCloseDays?: number | null | undefined;
  staffResponseHours?: number | null | undefined;
  unsolvedWindowHours?: number | null | undefined;
};

export type UsersFilterInput = {
  /** Include deleted accounts (left out by default). */
  includeDeleted?: boolean;
  /** Part of a display name or of an e-mail address, any letter case. */
  query?: string | null | undefined;
  role?: Role | null | undefined;
  /** true: only those silenced now; false: only those who are not. */
  silenced?: boolean | null | undefined;
  /** true: only those suspended now; false: only those who are not. */
  suspended?: boolean | null | undefined;
  trustLevel?: TrustLevel | null | undefined;
};

export type VoteInput = {
  targetId: string | number;
  targetType: VoteTargetType;
  /** 1 up, -1 down, 0 takes your vote back. */
  value: number;
};

export type VoteTargetType =
  | 'ANSWER'
  | 'QUESTION';

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { unreadNotificationCount: number, me: { id: string, displayName: string, role: Role, isEmployee: boolean, timeZone: string | null, suspension: { until: string, reason: string } | null } | null };

export type LoginMutationVariables = Exact<{
  input: LoginInput;
}>;


export type LoginMutation = { login: { token: string, expiresAt: string, user: { id: string } } };

export type RegisterMutationVariables = Exact<{
  input: RegisterInput;
}>;


export type RegisterMutation = { register: boolean };

export type ConfirmRegistrationMutationVariables = Exact<{
  token: string;
}>;


export type ConfirmRegistrationMutation = { confirmRegistration: { token: string, expiresAt: string, user: { id: string } } };

export type RequestPasswordResetMutationVariables = Exact<{
  email: string;
}>;


export type RequestPasswordResetMutation = { requestPasswordReset: boolean };

export type ResetPasswordMutationVariables = Exact<{
  token: string;
  password: string;
}>;


export type ResetPasswordMutation = { resetPassword: boolean };

export type AccountSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type AccountSettingsQuery = { me: { id: string, displayName: string, email: string | null, timeZone: string | null } | null, sessions: Array<{ id: string, createdAt: string, lastUsedAt: string, userAgent: string | null, current: boolean }> };

export type ChangePasswordMutationVariables = Exact<{
  current: string;
  password: string;
}>;


export type ChangePasswordMutation = { changePassword: boolean };

export type RequestEmailChangeMutationVariables = Exact<{
  input: RequestEmailChangeInput;
}>;


export type RequestEmailChangeMutation = { requestEmailChange: boolean };

export type ConfirmEmailChangeMutationVariables = Exact<{
  token: string;
}>;


export type ConfirmEmailChangeMutation = { confirmEmailChange: boolean };

export type SetTimeZoneMutationVariables = Exact<{
  timeZone?: string | null | undefined;
}>;


export type SetTimeZoneMutation = { setTimeZone: { id: string, timeZone: string | null } };

export type ChangeDisplayNameMutationVariables = Exact<{
  displayName: string;
}>;


export type ChangeDisplayNameMutation = { changeDisplayName: { id: string, displayName: string } };

export type SignOutSessionMutationVariables = Exact<{
  id: string | number;
}>;


export type SignOutSessionMutation = { signOutSession: boolean };

export type SignOutEverywhereMutationVariables = Exact<{ [key: string]: never; }>;


export type SignOutEverywhereMutation = { signOutEverywhere: boolean };

export type LogoutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogoutMutation = { logout: boolean };

export type QuestionRowFragment = { id: string, title: string, status: ThreadStatus, answerCount: number, score: number, createdAt: string, lastActivityAt: string, tags: Array<string>, pinned: boolean, acceptedAnswer: { id: string, authorKind: AuthorKind } | null, category: { name: string, slug: string }, author: { id: string, displayName: string, isEmployee: boolean } };

export type HomeQueryVariables = Exact<{ [key: string]: never; }>;


export type HomeQuery = { announcement: { message: string, updatedAt: string } | null, categories: Array<{ id: string, name: string, slug: string, description: string, questionCount: number, solvedCount: number }>, recent: { edges: Array<{ node: { id: string, title: string, status: ThreadStatus, answerCount: number, score: number, createdAt: string, lastActivityAt: string, tags: Array<string>, pinned: boolean, acceptedAnswer: { id: string, authorKind: AuthorKind } | null, category: { name: string, slug: string }, author: { id: string, displayName: string, isEmployee: boolean } } }> }, unanswered: { edges: Array<{ node: { id: string, title: string, status: ThreadStatus, answerCount: number, score: number, createdAt: string, lastActivityAt: string, tags: Array<string>, pinned: boolean, acceptedAnswer: { id: string, authorKind: AuthorKind } | null, category: { name: string, slug: string }, author: { id: string, displayName: string, isEmployee: boolean } } }> } };

export type CategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type CategoriesQuery = { categories: Array<{ id: string, name: string, slug: string, description: string, questionCount: number, solvedCount: number, unansweredCount: number, lastActivityAt: string | null }> };

export type CategoryPageQueryVariables = Exact<{
  slug: string;
  filter: CategoryQuestionFilter;
  pinnedFilter: CategoryQuestionFilter;
  orderBy: QuestionOrder;
  after?: string | null | undefined;
  first: number;
  firstPage: boolean;
}>;


export type CategoryPageQuery = { category: { id: string, name: string, slug: string, description: string, viewerIsWatching: boolean, announcement: { message: string, updatedAt: string } | null, questions: { totalCount: number, totalCountIsExact: boolean, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, title: string, status: ThreadStatus, answerCount: number, score: number, createdAt: string, lastActivityAt: string, tags: Array<string>, pinned: boolean, acceptedAnswer: { id: string, authorKind: AuthorKind } | null, category: { name: string, slug: string }, author: { id: string, displayName: string, isEmployee: boolean } } }> }, pinned?: { totalCount: number, edges: Array<{ node: { id: string, title: string, status: ThreadStatus, answerCount: number, score: number, createdAt: string, lastActivityAt: string, tags: Array<string>, pinned: boolean, acceptedAnswer: { id: string, authorKind: AuthorKind } | null, category: { name: string, slug: string }, author: { id: string, displayName: string, isEmployee: boolean } } }> } } };

export type CategoryIdQueryVariables = Exact<{
  slug: string;
}>;


export type CategoryIdQuery = { category: { id: string } };

export type AskFormQueryVariables = Exact<{ [key: string]: never; }>;


export type AskFormQuery = { categories: Array<{ id: string, name: string, slug: string }> };

export type SimilarQuestionsQueryVariables = Exact<{
  title: string;
  body?: string | null | undefined;
}>;


export type SimilarQuestionsQuery = { similarQuestions: Array<{ id: string, title: string, status: ThreadStatus, answerCount: number, acceptedAnswer: { authorKind: AuthorKind } | null }> };

export type RecordAskEventMutationVariables = Exact<{
  input: RecordAskEventInput;
}>;


export type RecordAskEventMutation = { recordAskEvent: boolean };

export type AskQuestionMutationVariables = Exact<{
  input: AskQuestionInput;
}>;


export type AskQuestionMutation = { askQuestion: { id: string, title: string } };

export type PostAuthorFragment = { id: string, displayName: string, isEmployee: boolean, reputation: number };

export type PostModerationViewFragment = { state: ModerationState, reason: string | null, nextStep: string | null, reviewItemId: string | null, secondLookAvailable: boolean };

export type RevisionViewFragment = { id: string, editedAt: string, reason: string | null, editor: { id: string, displayName: string } | null };

export type CommentViewFragment = { id: string, bodyHtml: string, createdAt: string, authorKind: AuthorKind, author: { id: string, displayName: string, isEmployee: boolean, reputation: number }, moderation: { state: ModerationState, reason: string | null, nextStep: string | null, reviewItemId: string | null, secondLookAvailable: boolean } | null };

export type AnswerViewFragment = { id: string, bodyHtml: string, score: number, viewerVote: number, isAccepted: boolean, authorKind: AuthorKind, endorsedByStaff: boolean, createdAt: string, updatedAt: string, viewerCanEdit: boolean, viewerCanDelete: boolean, body?: string, editCount: number, revisions: Array<{ id: string, editedAt: string, reason: string | null, editor: { id: string, displayName: string } | null }>, author: { id: string, displayName: string, isEmployee: boolean, reputation: number }, attribution: { authorName: string, source: string, url: string | null, licence: string } | null, comments: Array<{ id: string, bodyHtml: string, createdAt: string, authorKind: AuthorKind, author: { id: string, displayName: string, isEmployee: boolean, reputation: number }, moderation: { state: ModerationState, reason: string | null, nextStep: string | null, reviewItemId: string | null, secondLookAvailable: boolean } | null }>, moderation: { state: ModerationState, reason: string | null, nextStep: string | null, reviewItemId: string | null, secondLookAvailable: boolean } | null };

export type QuestionPageQueryVariables = Exact<{
  id: string | number;
  withSource?: boolean | null | undefined;
}>;


export type QuestionPageQuery = { question: { id: string, title: string, bodyHtml: string, status: ThreadStatus, score: number, viewerVote: number, viewerIsWatching: boolean, viewerCanEdit: boolean, viewerCanRetag: boolean, viewerCanMarkDuplicate: boolean, tags: Array<string>, createdAt: string, updatedAt: string, viewCount: number, answerCount: number, pinned: boolean, body?: string, editCount: number, helpingPrivately: boolean, viewerCanMessagePrivately: boolean, lock: { at: string, reason: string } | null, closeReason: { kind: CloseReason, note: string | null } | null, revisions: Array<{ id: string, editedAt: string, reason: string | null, editor: { id: string, displayName: string } | null }>, author: { id: string, displayName: string, isEmployee: boolean, reputation: number }, category: { id: string, name: string, slug: string, businessCalendar: Record<string, unknown> }, attribution: { authorName: string, source: string, url: string | null, licence: string } | null, escalation: { state: StaffQueueState, staffDueAt: string | null, closedAt: string | null, needsInfo: { note: string, askedAt: string, askedBy: { displayName: string } | null } | null } | null, staffHelp: { allowed: boolean, refusal: StaffHelpRefusal | null, peerWindowHours: number, availableAt: string | null } | null, duplicateOf: { id: string, title: string } | null, comments: Array<{ id: string, bodyHtml: string, createdAt: string, authorKind: AuthorKind, author: { id: string, displayName: string, isEmployee: boolean, reputation: number }, moderation: { state: ModerationState, reason: string | null, nextStep: string | null, reviewItemId: string | null, secondLookAvailable: boolean } | null }>, acceptedAnswer: { id: string, authorKind: AuthorKind } | null, answers: Array<{ id: string, bodyHtml: string, score: number, viewerVote: number, isAccepted: boolean, authorKind: AuthorKind, endorsedByStaff: boolean, createdAt: string, updatedAt: string, viewerCanEdit: boolean, viewerCanDelete: boolean, body?: string, editCount: number, revisions: Array<{ id: string, editedAt: string, reason: string | null, editor: { id: string, displayName: string } | null }>, author: { id: string, displayName: string, isEmployee: boolean, reputation: number }, attribution: { authorName: string, source: string, url: string | null, licence: string } | null, comments: Array<{ id: string, bodyHtml: string, createdAt: string, authorKind: AuthorKind, author: { id: string, displayName: string, isEmployee: boolean, reputation: number }, moderation: { state: ModerationState, reason: string | null, nextStep: string | null, reviewItemId: string | null, secondLookAvailable: boolean } | null }>, moderation: { state: ModerationState, reason: string | null, nextStep: string | null, reviewItemId: string | null, secondLookAvailable: boolean } | null }>, moderation: { state: ModerationState, reason: string | null, nextStep: string | null, reviewItemId: string | null, secondLookAvailable: boolean } | null } };

export type PostAnswerMutationVariables = Exact<{
  input: PostAnswerInput;
}>;


export type PostAnswerMutation = { postAnswer: { id: string } };

export type EditAnswerMutationVariables = Exact<{
  input: EditAnswerInput;
}>;


export type EditAnswerMutation = { editAnswer: { id: string } };

export type DeleteAnswerMutationVariables = Exact<{
  id: string | number;
  reason?: string | null | undefined;
}>;


export type DeleteAnswerMutation = { deleteAnswer: { id: string } };

export type EditQuestionMutationVariables = Exact<{
  input: EditQuestionInput;
}>;


export type EditQuestionMutation = { editQuestion: { id: string, title: string } };

export type PostCommentMutationVariables = Exact<{
  input: PostCommentInput;
}>;


export type PostCommentMutation = { postComment: { id: string } };

export type AcceptAnswerMutationVariables = Exact<{
  answerId: string | number;
}>;


export type AcceptAnswerMutation = { acceptAnswer: { id: string } };

export type UnacceptAnswerMutationVariables = Exact<{
  questionId: string | number;
}>;


export type UnacceptAnswerMutation = { unacceptAnswer: { id: string } };

export type VoteMutationVariables = Exact<{
  input: VoteInput;
}>;


export type VoteMutation = { vote: { score: number, viewerVote: number } };

export type FlagMutationVariables = Exact<{
  input: FlagInput;
}>;


export type FlagMutation = { flag: { id: string, reason: FlagReason } };

export type RequestSecondLookMutationVariables = Exact<{
  id: string | number;
}>;


export type RequestSecondLookMutation = { requestSecondLook: { id: string, state: ReviewState } };

export type WatchQuestionMutationVariables = Exact<{
  questionId: string | number;
  watching: boolean;
}>;


export type WatchQuestionMutation = { watchQuestion: { id: string, viewerIsWatching: boolean } };

export type SearchQueryVariables = Exact<{
  query: string;
  filter?: SearchFilter | null | undefined;
  sort: SearchSort;
  after?: string | null | undefined;
}>;


export type SearchQuery = { search: { totalCount: number, totalCountIsExact: boolean, pageInfo: { hasNextPage: boolean, endCursor: string | null }, facets: { categories: Array<{ count: number, category: { id: string, name: string, slug: string } }>, statuses: Array<{ count: number, status: ThreadStatus }> }, edges: Array<{ node: { snippet: string, question: { id: string, title: string, status: ThreadStatus, answerCount: number, score: number, createdAt: string, lastActivityAt: string, tags: Array<string>, pinned: boolean, acceptedAnswer: { id: string, authorKind: AuthorKind } | null, category: { name: string, slug: string }, author: { id: string, displayName: string, isEmployee: boolean } } } }> } };

export type NotificationsQueryVariables = Exact<{
  after?: string | null | undefined;
}>;


export type NotificationsQuery = { unreadNotificationCount: number, notifications: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, kind: NotificationKind, message: string, isRead: boolean, createdAt: string, question: { id: string, title: string } | null, actor: { displayName: string } | null } }> } };

export type MarkNotificationsReadMutationVariables = Exact<{
  ids?: Array<string | number> | string | number | null | undefined;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: number };

export type ProfileAnswerFragment = { id: string, score: number, isAccepted: boolean, authorKind: AuthorKind, createdAt: string, question: { id: string, title: string } | null };

export type UserPageQueryVariables = Exact<{
  id: string | number;
  answersAfter?: string | null | undefined;
  reputationAfter?: string | null | undefined;
}>;


export type UserPageQuery = { user: { id: string, displayName: string, reputation: number, trustLevel: TrustLevel, role: Role, isEmployee: boolean, affiliation: Affiliation, createdAt: string, reputationHistory: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, delta: number, kind: ReputationKind, summary: string, questionId: string | null, questionTitle: string | null, at: string } }> }, answers: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, score: number, isAccepted: boolean, authorKind: AuthorKind, createdAt: string, question: { id: string, title: string } | null } }> }, accepted: { totalCount: number, edges: Array<{ node: { id: string, score: number, isAccepted: boolean, authorKind: AuthorKind, createdAt: string, question: { id: string, title: string } | null } }> } }, asked: { totalCount: number, edges: Array<{ node: { id: string, title: string, status: ThreadStatus, answerCount: number, score: number, createdAt: string, lastActivityAt: string, tags: Array<string>, pinned: boolean, acceptedAnswer: { id: string, authorKind: AuthorKind } | null, category: { name: string, slug: string }, author: { id: string, displayName: string, isEmployee: boolean } } }> } };

export type MarkdownPreviewQueryVariables = Exact<{
  body: string;
}>;


export type MarkdownPreviewQuery = { markdownPreview: string };

export type WatchCategoryMutationVariables = Exact<{
  categoryId: string | number;
  watching: boolean;
}>;


export type WatchCategoryMutation = { watchCategory: { id: string, viewerIsWatching: boolean } };

export type NotificationPreferencesQueryVariables = Exact<{ [key: string]: never; }>;


export type NotificationPreferencesQuery = { notificationPreferences: { notificationEmail: NotificationEmail, kinds: Array<{ kind: NotificationKind, email: NotificationEmail | null, defaultEmail: NotificationEmail }> } };

export type SetNotificationPreferencesMutationVariables = Exact<{
  input: NotificationPreferencesInput;
}>;


export type SetNotificationPreferencesMutation = { setNotificationPreferences: { notificationEmail: NotificationEmail, kinds: Array<{ kind: NotificationKind, email: NotificationEmail | null, defaultEmail: NotificationEmail }> } };

export type MentionSuggestionsQueryVariables = Exact<{
  prefix: string;
  questionId?: string | number | null | undefined;
}>;


export type MentionSuggestionsQuery = { mentionSuggestions: Array<{ userId: string, displayName: string, token: string }> };

export type PrivateConversationQueryVariables = Exact<{
  questionId: string | number;
}>;


export type PrivateConversationQuery = { privateConversation: { id: string, resolvedAt: string | null, messages: Array<{ id: string, bodyHtml: string, createdAt: string, author: { id: string, displayName: string, isEmployee: boolean } }> } | null };

export type SendPrivateMessageMutationVariables = Exact<{
  questionId: string | number;
  body: string;
}>;


export type SendPrivateMessageMutation = { sendPrivateMessage: { id: string } };

export type ResolvePrivatelyMutationVariables = Exact<{
  questionId: string | number;
  summary?: string | null | undefined;
}>;


export type ResolvePrivatelyMutation = { resolvePrivately: { id: string, resolvedAt: string | null } };

export type AcceptReminderLinkQueryVariables = Exact<{
  token: string;
}>;


export type AcceptReminderLinkQuery = { acceptReminderLink: { questionId: string, questionTitle: string, choice: ReminderChoice, answerId: string | null, answerExcerpt: string | null, answerAuthorName: string | null, expiresAt: string, refusal: string | null } };

export type UseAcceptReminderLinkMutationVariables = Exact<{
  token: string;
}>;


export type UseAcceptReminderLinkMutation = { useAcceptReminderLink: { questionId: string, choice: ReminderChoice } };

export type ExportMyDataQueryVariables = Exact<{ [key: string]: never; }>;


export type ExportMyDataQuery = { exportMyData: Record<string, unknown> };

export type DeleteMyAccountMutationVariables = Exact<{
  password: string;
}>;


export type DeleteMyAccountMutation = { deleteMyAccount: boolean };

export type AdminPageQueryVariables = Exact<{ [key: string]: never; }>;


export type AdminPageQuery = { announcement: { message: string, updatedAt: string } | null, categories: Array<{ id: string, name: string, slug: string, description: string, questionCount: number, peerWindowHours: number, unsolvedWindowHours: number, fastLanePeerWindowHours: number | null, staffResponseHours: number, solvedAutoCloseDays: number | null, businessCalendar: Record<string, unknown>, staffTeam: Array<{ id: string }> }>, staffMembers: Array<{ id: string, displayName: string }>, webhooks: Array<{ id: string, url: string, events: Array<string>, secretHint: string, createdAt: string }>, spamRules: { words: Array<string>, domains: Array<string> } };

export type AdminWebhookDeliveriesQueryVariables = Exact<{
  id: string | number;
}>;


export type AdminWebhookDeliveriesQuery = { webhookDeliveries: Array<{ id: string, event: string, status: string, attempts: number, lastStatus: number | null, lastError: string | null, createdAt: string }> };

export type AdminCreateCategoryMutationVariables = Exact<{
  input: CreateCategoryInput;
}>;


export type AdminCreateCategoryMutation = { createCategory: { id: string } };

export type AdminUpdateCategoryMutationVariables = Exact<{
  input: UpdateCategoryInput;
}>;


export type AdminUpdateCategoryMutation = { updateCategory: { id: string } };

export type AdminCreateWebhookMutationVariables = Exact<{
  input: CreateWebhookInput;
}>;


export type AdminCreateWebhookMutation = { createWebhook: { id: string } };

export type AdminDeleteWebhookMutationVariables = Exact<{
  id: string | number;
}>;


export type AdminDeleteWebhookMutation = { deleteWebhook: boolean };

export type AdminSetAnnouncementMutationVariables = Exact<{
  message: string;
}>;


export type AdminSetAnnouncementMutation = { setAnnouncement: { message: string } | null };

export type AdminSetSpamRulesMutationVariables = Exact<{
  words: Array<string> | string;
  domains: Array<string> | string;
}>;


export type AdminSetSpamRulesMutation = { setSpamRules: { words: Array<string>, domains: Array<string> } };

export type AdminSetCategoryStaffTeamMutationVariables = Exact<{
  categoryId: string | number;
  userIds: Array<string | number> | string | number;
}>;


export type AdminSetCategoryStaffTeamMutation = { setCategoryStaffTeam: { id: string } };

export type SetCategoryAnnouncementMutationVariables = Exact<{
  categoryId: string | number;
  message: string;
}>;


export type SetCategoryAnnouncementMutation = { setCategoryAnnouncement: { message: string } | null };

export type AuditLogPageQueryVariables = Exact<{
  filter?: AuditLogFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type AuditLogPageQuery = { auditLog: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, at: string, action: string, targetType: string, targetId: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null, reason: string | null, actor: { id: string, displayName: string } | null } }> } };

export type ModerationPageQueryVariables = Exact<{ [key: string]: never; }>;


export type ModerationPageQuery = { staffQueue: { totalCount: number } };

export type ReviewQueuePageQueryVariables = Exact<{
  filter?: ReviewQueueFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type ReviewQueuePageQuery = { reviewQueue: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, targetType: FlagTargetType, targetId: string, reason: ReviewReason, detail: string | null, state: ReviewState, createdAt: string, decision: ReviewAction | null, decisionNote: string | null, decidedAt: string | null, secondLookRequestedAt: string | null, bodyHtml: string, question: { id: string, title: string }, author: { id: string, displayName: string, reputation: number, isEmployee: boolean } | null, authorHistory: { questions: number, answers: number, comments: number, flagsUpheld: number, flagsDeclined: number, postsRemoved: number } | null, flags: Array<{ id: string, reason: FlagReason, note: string | null, weight: number, outcome: FlagOutcome | null, createdAt: string, flagger: { id: string, displayName: string } | null }>, decidedBy: { displayName: string } | null } }> } };

export type ResolveReviewMutationVariables = Exact<{
  id: string | number;
  action: ReviewAction;
  note?: string | null | undefined;
}>;


export type ResolveReviewMutation = { resolveReview: { id: string, decision: ReviewAction | null } };

export type ModerationUsersQueryVariables = Exact<{
  filter?: UsersFilterInput | null | undefined;
  after?: string | null | undefined;
}>;


export type ModerationUsersQuery = { users: { totalCount: number, edges: Array<{ node: { id: string, displayName: string, email: string | null, role: Role, affiliation: Affiliation, trustLevel: TrustLevel, reputation: number, deletedAt: string | null, suspension: { until: string } | null, silence: { until: string } | null } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ModerationUserQueryVariables = Exact<{
  id: string | number;
}>;


export type ModerationUserQuery = { user: { id: string, displayName: string, email: string | null, role: Role, affiliation: Affiliation, isEmployee: boolean, trustLevel: TrustLevel, trustLevelLocked: boolean | null, reputation: number, createdAt: string, deletedAt: string | null, suspension: { until: string, reason: string } | null, moderationRecord: { questions: number, answers: number, comments: number, flagsReceived: number, flagsUpheld: number, flagsDeclined: number, postsHeld: number, postsRemoved: number } | null, silence: { until: string, reason: string } | null } };

export type ModerationUserAuditQueryVariables = Exact<{
  id: string | number;
}>;


export type ModerationUserAuditQuery = { userAuditLog: Array<{ id: string, actorId: string | null, action: string, before: Record<string, unknown> | null, after: Record<string, unknown> | null, reason: string | null, createdAt: string }> };

export type ModerationSuspendUserMutationVariables = Exact<{
  userId: string | number;
  until: string;
  reason: string;
}>;


export type ModerationSuspendUserMutation = { suspendUser: { id: string } };

export type ModerationUnsuspendUserMutationVariables = Exact<{
  userId: string | number;
  reason?: string | null | undefined;
}>;


export type ModerationUnsuspendUserMutation = { unsuspendUser: { id: string } };

export type ModerationSilenceUserMutationVariables = Exact<{
  userId: string | number;
  until: string;
  reason: string;
}>;


export type ModerationSilenceUserMutation = { silenceUser: { id: string } };

export type ModerationUnsilenceUserMutationVariables = Exact<{
  userId: string | number;
  reason?: string | null | undefined;
}>;


export type ModerationUnsilenceUserMutation = { unsilenceUser: { id: string } };

export type ModerationSetUserRoleMutationVariables = Exact<{
  userId: string | number;
  role: Role;
}>;


export type ModerationSetUserRoleMutation = { setUserRole: { id: string } };

export type ModerationSetUserAffiliationMutationVariables = Exact<{
  userId: string | number;
  affiliation: Affiliation;
}>;


export type ModerationSetUserAffiliationMutation = { setUserAffiliation: { id: string } };

export type ModerationSetTrustLevelMutationVariables = Exact<{
  userId: string | number;
  level: TrustLevel;
  reason: string;
}>;


export type ModerationSetTrustLevelMutation = { setTrustLevel: { id: string, trustLevel: TrustLevel, trustLevelLocked: boolean | null } };

export type ModerationUnlockTrustLevelMutationVariables = Exact<{
  userId: string | number;
}>;


export type ModerationUnlockTrustLevelMutation = { unlockTrustLevel: { id: string, trustLevel: TrustLevel, trustLevelLocked: boolean | null } };

export type ModerationMenuQueryVariables = Exact<{ [key: string]: never; }>;


export type ModerationMenuQuery = { categories: Array<{ id: string, name: string }> };

export type LockQuestionMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type LockQuestionMutation = { lockQuestion: { id: string } };

export type UnlockQuestionMutationVariables = Exact<{
  id: string | number;
}>;


export type UnlockQuestionMutation = { unlockQuestion: { id: string } };

export type CloseQuestionMutationVariables = Exact<{
  id: string | number;
  reason: CloseReason;
  note?: string | null | undefined;
}>;


export type CloseQuestionMutation = { closeQuestion: { id: string } };

export type ReopenQuestionMutationVariables = Exact<{
  id: string | number;
}>;


export type ReopenQuestionMutation = { reopenQuestion: { id: string } };

export type MoveQuestionMutationVariables = Exact<{
  id: string | number;
  categoryId: string | number;
  reason: string;
}>;


export type MoveQuestionMutation = { moveQuestion: { id: string, title: string } };

export type DeleteQuestionMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type DeleteQuestionMutation = { deleteQuestion: boolean };

export type PinQuestionMutationVariables = Exact<{
  id: string | number;
}>;


export type PinQuestionMutation = { pinQuestion: { id: string } };

export type UnpinQuestionMutationVariables = Exact<{
  id: string | number;
}>;


export type UnpinQuestionMutation = { unpinQuestion: { id: string } };

export type EscalateQuestionMutationVariables = Exact<{
  questionId: string | number;
  reason: string;
}>;


export type EscalateQuestionMutation = { escalateQuestion: { id: string } };

export type MarkDuplicateMutationVariables = Exact<{
  questionId: string | number;
  originalId: string | number;
}>;


export type MarkDuplicateMutation = { markDuplicate: { id: string } };

export type MergeDuplicateAnswersMutationVariables = Exact<{
  questionId: string | number;
}>;


export type MergeDuplicateAnswersMutation = { mergeDuplicateAnswers: { id: string, title: string } };

export type HidePostMutationVariables = Exact<{
  targetType: FlagTargetType;
  id: string | number;
  reason: string;
}>;


export type HidePostMutation = { hidePost: { targetId: string, state: ModerationState } };

export type RestorePostMutationVariables = Exact<{
  targetType: FlagTargetType;
  id: string | number;
}>;


export type RestorePostMutation = { restorePost: { targetId: string, state: ModerationState } };

export type RequestStaffHelpMutationVariables = Exact<{
  questionId: string | number;
}>;


export type RequestStaffHelpMutation = { requestStaffHelp: { id: string, staffDueAt: string | null } };

export type EndorseAnswerMutationVariables = Exact<{
  answerId: string | number;
}>;


export type EndorseAnswerMutation = { endorseAnswer: { id: string, endorsedByStaff: boolean } };

export type UnendorseAnswerMutationVariables = Exact<{
  answerId: string | number;
}>;


export type UnendorseAnswerMutation = { unendorseAnswer: { id: string, endorsedByStaff: boolean } };

export type ReportRateFieldsFragment = { numerator: number, denominator: number, value: number | null };

export type DurationFieldsFragment = { medianSeconds: number | null, p90Seconds: number | null, count: number };

export type DeflectionDashboardQueryVariables = Exact<{
  input: DeflectionReportInput;
  from: string;
  to: string;
}>;


export type DeflectionDashboardQuery = { categories: Array<{ id: string, name: string }>, searchGaps: Array<{ query: string, searches: number, zeroResults: number, lastTotal: number, lastSeenAt: string }>, deflectionReport: { from: string, to: string, asOf: string, bucket: string, cohortSize: number, outcomes: Array<{ outcome: DeflectionOutcome, count: number }>, peerDeflectionRate: { numerator: number, denominator: number, value: number | null }, peerAnswerRate: { numerator: number, denominator: number, value: number | null }, staffTouchRate: { numerator: number, denominator: number, value: number | null }, acceptedAnswerRate: { numerator: number, denominator: number, value: number | null }, escalationRate: { numerator: number, denominator: number, value: number | null }, breachRate: { numerator: number, denominator: number, value: number | null }, acceptReminders: { sent: number, ledToAcceptance: { numerator: number, denominator: number, value: number | null } }, responseTimes: { firstResponse: { medianSeconds: number | null, p90Seconds: number | null, count: number }, firstPeerAnswer: { medianSeconds: number | null, p90Seconds: number | null, count: number }, firstStaffResponseAfterEscalation: { medianSeconds: number | null, p90Seconds: number | null, count: number }, timeToAcceptedAnswer: { medianSeconds: number | null, p90Seconds: number | null, count: number } }, superusers: { peerAnswerers: number, peerAnswersByTopPercent: { numerator: number, denominator: number, value: number | null }, peerAnswersByTopTen: { numerator: number, denominator: number, value: number | null }, peerSolvedByTopPercent: { numerator: number, denominator: number, value: number | null }, peerSolvedByTopTen: { numerator: number, denominator: number, value: number | null } }, series: Array<{ bucketStart: string, cohortSize: number, outcomes: Array<{ outcome: DeflectionOutcome, count: number }>, peerDeflectionRate: { numerator: number, denominator: number, value: number | null } }>, byCategory: Array<{ cohortSize: number, category: { id: string, name: string }, outcomes: Array<{ outcome: DeflectionOutcome, count: number }>, peerDeflectionRate: { numerator: number, denominator: number, value: number | null } }>, preAskDeflection: { sessionsShownSuggestions: number, sessionsOpenedSuggestion: number, sessionsOpenedSolvedSuggestion: number, sessionsPosted: number, asksAvoided: number } } };

export type ReportCategoriesQueryVariables = Exact<{ [key: string]: never; }>;


export type ReportCategoriesQuery = { categories: Array<{ id: string, name: string }> };

export type ModerationFiguresFieldsFragment = { flagsRaised: number, flagsHandled: number, reviewsDecided: number, medianDecisionHours: number | null, suspensions: number, holds: Array<{ reason: ReviewReason, held: number, decided: number, approved: number, approvedShare: { numerator: number, denominator: number, value: number | null } }>, spamChecks: Array<{ check: SpamCheck, held: number, decided: number, approved: number, approvedShare: { numerator: number, denominator: number, value: number | null } }> };

export type ModerationDashboardQueryVariables = Exact<{
  input: ModerationReportInput;
}>;


export type ModerationDashboardQuery = { moderationReport: { from: string, to: string, bucket: string, totals: { flagsRaised: number, flagsHandled: number, reviewsDecided: number, medianDecisionHours: number | null, suspensions: number, holds: Array<{ reason: ReviewReason, held: number, decided: number, approved: number, approvedShare: { numerator: number, denominator: number, value: number | null } }>, spamChecks: Array<{ check: SpamCheck, held: number, decided: number, approved: number, approvedShare: { numerator: number, denominator: number, value: number | null } }> }, series: Array<{ bucketStart: string, flagsRaised: number, flagsHandled: number, reviewsDecided: number, medianDecisionHours: number | null, suspensions: number, holds: Array<{ reason: ReviewReason, held: number, decided: number, approved: number, approvedShare: { numerator: number, denominator: number, value: number | null } }>, spamChecks: Array<{ check: SpamCheck, held: number }> }> } };

export type StaffQueuePageQueryVariables = Exact<{
  filter?: StaffQueueFilter | null | undefined;
  after?: string | null | undefined;
}>;


export type StaffQueuePageQuery = { me: { id: string, displayName: string, role: Role } | null, categories: Array<{ id: string, name: string }>, staffMembers: Array<{ id: string, displayName: string }>, staffQueue: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { timeLeftSeconds: number | null, question: { id: string, title: string, status: ThreadStatus, answerCount: number, createdAt: string, category: { id: string, name: string, businessCalendar: Record<string, unknown> } }, escalation: { reason: EscalationReason, note: string | null, escalatedAt: string, staffDueAt: string | null, state: StaffQueueState, breached: boolean, assignee: { id: string, displayName: string } | null, suggestedAssignee: { id: string, displayName: string } | null, needsInfo: { note: string, askedAt: string, repliedAt: string | null, replyCommentId: string | null, askedBy: { displayName: string } | null } | null, firstStaffResponse: { at: string, by: { displayName: string } | null } | null } } }> } };

export type ClaimEscalationMutationVariables = Exact<{
  questionId: string | number;
}>;


export type ClaimEscalationMutation = { claimEscalation: { id: string } };

export type AssignEscalationMutationVariables = Exact<{
  questionId: string | number;
  userId: string | number;
}>;


export type AssignEscalationMutation = { assignEscalation: { id: string } };

export type ReleaseEscalationMutationVariables = Exact<{
  questionId: string | number;
}>;


export type ReleaseEscalationMutation = { releaseEscalation: { id: string } };

export type MarkNeedsInfoMutationVariables = Exact<{
  questionId: string | number;
  note: string;
}>;


export type MarkNeedsInfoMutation = { markNeedsInfo: { id: string } };

export type ReturnToCommunityMutationVariables = Exact<{
  questionId: string | number;
  reason: string;
}>;


export type ReturnToCommunityMutation = { returnToCommunity: { id: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const QuestionRowFragmentDoc = new TypedDocumentString(`
    fragment QuestionRow on Question {
  id
  title
  status
  answerCount
  score
  createdAt
  lastActivityAt
  tags
  pinned
  acceptedAnswer {
    id
    authorKind
  }
  category {
    name
    slug
  }
  author {
    id
    displayName
    isEmployee
  }
}
    `, {"fragmentName":"QuestionRow"}) as unknown as TypedDocumentString<QuestionRowFragment, unknown>;
export const RevisionViewFragmentDoc = new TypedDocumentString(`
    fragment RevisionView on PostRevision {
  id
  editedAt
  reason
  editor {
    id
    displayName
  }
}
    `, {"fragmentName":"RevisionView"}) as unknown as TypedDocumentString<RevisionViewFragment, unknown>;
export const PostAuthorFragmentDoc = new TypedDocumentString(`
    fragment PostAuthor on User {
  id
  displayName
  isEmployee
  reputation
}
    `, {"fragmentName":"PostAuthor"}) as unknown as TypedDocumentString<PostAuthorFragment, unknown>;
export const PostModerationViewFragmentDoc = new TypedDocumentString(`
    fragment PostModerationView on PostModeration {
  state
  reason
  nextStep
  reviewItemId
  secondLookAvailable
}
    `, {"fragmentName":"PostModerationView"}) as unknown as TypedDocumentString<PostModerationViewFragment, unknown>;
export const CommentViewFragmentDoc = new TypedDocumentString(`
    fragment CommentView on Comment {
  id
  bodyHtml
  createdAt
  authorKind
  author {
    ...PostAuthor
  }
  moderation {
    ...PostModerationView
  }
}
    fragment PostAuthor on User {
  id
  displayName
  isEmployee
  reputation
}
fragment PostModerationView on PostModeration {
  state
  reason
  nextStep
  reviewItemId
  secondLookAvailable
}`, {"fragmentName":"CommentView"}) as unknown as TypedDocumentString<CommentViewFragment, unknown>;
export const AnswerViewFragmentDoc = new TypedDocumentString(`
    fragment AnswerView on Answer {
  id
  bodyHtml
  score
  viewerVote
  isAccepted
  authorKind
  endorsedByStaff
  createdAt
  updatedAt
  viewerCanEdit
  viewerCanDelete
  body @include(if: $withSource)
  editCount
  revisions(first: 3) {
    ...RevisionView
  }
  author {
    ...PostAuthor
  }
  attribution {
    authorName
    source
    url
    licence
  }
  comments {
    ...CommentView
  }
  moderation {
    ...PostModerationView
  }
}
    fragment PostAuthor on User {
  id
  displayName
  isEmployee
  reputation
}
fragment PostModerationView on PostModeration {
  state
  reason
  nextStep
  reviewItemId
  secondLookAvailable
}
fragment RevisionView on PostRevision {
  id
  editedAt
  reason
  editor {
    id
    displayName
  }
}
fragment CommentView on Comment {
  id
  bodyHtml
  createdAt
  authorKind
  author {
    ...PostAuthor
  }
  moderation {
    ...PostModerationView
  }
}`, {"fragmentName":"AnswerView"}) as unknown as TypedDocumentString<AnswerViewFragment, unknown>;
export const ProfileAnswerFragmentDoc = new TypedDocumentString(`
    fragment ProfileAnswer on Answer {
  id
  score
  isAccepted
  authorKind
  createdAt
  question {
    id
    title
  }
}
    `, {"fragmentName":"ProfileAnswer"}) as unknown as TypedDocumentString<ProfileAnswerFragment, unknown>;
export const ReportRateFieldsFragmentDoc = new TypedDocumentString(`
    fragment ReportRateFields on ReportRate {
  numerator
  denominator
  value
}
    `, {"fragmentName":"ReportRateFields"}) as unknown as TypedDocumentString<ReportRateFieldsFragment, unknown>;
export const DurationFieldsFragmentDoc = new TypedDocumentString(`
    fragment DurationFields on DurationStats {
  medianSeconds
  p90Seconds
  count
}
    `, {"fragmentName":"DurationFields"}) as unknown as TypedDocumentString<DurationFieldsFragment, unknown>;
export const ModerationFiguresFieldsFragmentDoc = new TypedDocumentString(`
    fragment ModerationFiguresFields on ModerationFigures {
  flagsRaised
  flagsHandled
  reviewsDecided
  medianDecisionHours
  suspensions
  holds {
    reason
    held
    decided
    approved
    approvedShare {
      numerator
      denominator
      value
    }
  }
  spamChecks {
    check
    held
    decided
    approved
    approvedShare {
      numerator
      denominator
      value
    }
  }
}
    `, {"fragmentName":"ModerationFiguresFields"}) as unknown as TypedDocumentString<ModerationFiguresFieldsFragment, unknown>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  me {
    id
    displayName
    role
    isEmployee
    timeZone
    suspension {
      until
      reason
    }
  }
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;
export const LoginDocument = new TypedDocumentString(`
    mutation Login($input: LoginInput!) {
  login(input: $input) {
    token
    expiresAt
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<LoginMutation, LoginMutationVariables>;
export const RegisterDocument = new TypedDocumentString(`
    mutation Register($input: RegisterInput!) {
  register(input: $input)
}
    `) as unknown as TypedDocumentString<RegisterMutation, RegisterMutationVariables>;
export const ConfirmRegistrationDocument = new TypedDocumentString(`
    mutation ConfirmRegistration($token: String!) {
  confirmRegistration(token: $token) {
    token
    expiresAt
    user {
      id
    }
  }
}
    `) as unknown as TypedDocumentString<ConfirmRegistrationMutation, ConfirmRegistrationMutationVariables>;
export const RequestPasswordResetDocument = new TypedDocumentString(`
    mutation RequestPasswordReset($email: String!) {
  requestPasswordReset(email: $email)
}
    `) as unknown as TypedDocumentString<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = new TypedDocumentString(`
    mutation ResetPassword($token: String!, $password: String!) {
  resetPassword(token: $token, password: $password)
}
    `) as unknown as TypedDocumentString<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const AccountSettingsDocument = new TypedDocumentString(`
    query AccountSettings {
  me {
    id
    displayName
    email
    timeZone
  }
  sessions {
    id
    createdAt
    lastUsedAt
    userAgent
    current
  }
}
    `) as unknown as TypedDocumentString<AccountSettingsQuery, AccountSettingsQueryVariables>;
export const ChangePasswordDocument = new TypedDocumentString(`
    mutation ChangePassword($current: String!, $password: String!) {
  changePassword(current: $current, password: $password)
}
    `) as unknown as TypedDocumentString<ChangePasswordMutation, ChangePasswordMutationVariables>;
export const RequestEmailChangeDocument = new TypedDocumentString(`
    mutation RequestEmailChange($input: RequestEmailChangeInput!) {
  requestEmailChange(input: $input)
}
    `) as unknown as TypedDocumentString<RequestEmailChangeMutation, RequestEmailChangeMutationVariables>;
export const ConfirmEmailChangeDocument = new TypedDocumentString(`
    mutation ConfirmEmailChange($token: String!) {
  confirmEmailChange(token: $token)
}
    `) as unknown as TypedDocumentString<ConfirmEmailChangeMutation, ConfirmEmailChangeMutationVariables>;
export const SetTimeZoneDocument = new TypedDocumentString(`
    mutation SetTimeZone($timeZone: String) {
  setTimeZone(timeZone: $timeZone) {
    id
    timeZone
  }
}
    `) as unknown as TypedDocumentString<SetTimeZoneMutation, SetTimeZoneMutationVariables>;
export const ChangeDisplayNameDocument = new TypedDocumentString(`
    mutation ChangeDisplayName($displayName: String!) {
  changeDisplayName(displayName: $displayName) {
    id
    displayName
  }
}
    `) as unknown as TypedDocumentString<ChangeDisplayNameMutation, ChangeDisplayNameMutationVariables>;
export const SignOutSessionDocument = new TypedDocumentString(`
    mutation SignOutSession($id: ID!) {
  signOutSession(id: $id)
}
    `) as unknown as TypedDocumentString<SignOutSessionMutation, SignOutSessionMutationVariables>;
export const SignOutEverywhereDocument = new TypedDocumentString(`
    mutation SignOutEverywhere {
  signOutEverywhere
}
    `) as unknown as TypedDocumentString<SignOutEverywhereMutation, SignOutEverywhereMutationVariables>;
export const LogoutDocument = new TypedDocumentString(`
    mutation Logout {
  logout
}
    `) as unknown as TypedDocumentString<LogoutMutation, LogoutMutationVariables>;
export const HomeDocument = new TypedDocumentString(`
    query Home {
  announcement {
    message
    updatedAt
  }
  categories {
    id
    name
    slug
    description
    questionCount
    solvedCount
  }
  recent: questions(first: 10, orderBy: ACTIVITY) {
    edges {
      node {
        ...QuestionRow
      }
    }
  }
  unanswered: questions(first: 5, filter: {unanswered: true}, orderBy: NEWEST) {
    edges {
      node {
        ...QuestionRow
      }
    }
  }
}
    fragment QuestionRow on Question {
  id
  title
  status
  answerCount
  score
  createdAt
  lastActivityAt
  tags
  pinned
  acceptedAnswer {
    id
    authorKind
  }
  category {
    name
    slug
  }
  author {
    id
    displayName
    isEmployee
  }
}`) as unknown as TypedDocumentString<HomeQuery, HomeQueryVariables>;
export const CategoriesDocument = new TypedDocumentString(`
    query Categories {
  categories {
    id
    name
    slug
    description
    questionCount
    solvedCount
    unansweredCount
    lastActivityAt
  }
}
    `) as unknown as TypedDocumentString<CategoriesQuery, CategoriesQueryVariables>;
export const CategoryPageDocument = new TypedDocumentString(`
    query CategoryPage($slug: String!, $filter: CategoryQuestionFilter!, $pinnedFilter: CategoryQuestionFilter!, $orderBy: QuestionOrder!, $after: String, $first: Int!, $firstPage: Boolean!) {
  category(slug: $slug) {
    id
    name
    slug
    description
    viewerIsWatching
    announcement {
      message
      updatedAt
    }
    questions(filter: $filter, orderBy: $orderBy, after: $after, first: $first) {
      totalCount
      totalCountIsExact
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...QuestionRow
        }
      }
    }
    pinned: questions(filter: $pinnedFilter, orderBy: $orderBy, first: $first) @include(if: $firstPage) {
      totalCount
      edges {
        node {
          ...QuestionRow
        }
      }
    }
  }
}
    fragment QuestionRow on Question {
  id
  title
  status
  answerCount
  score
  createdAt
  lastActivityAt
  tags
  pinned
  acceptedAnswer {
    id
    authorKind
  }
  category {
    name
    slug
  }
  author {
    id
    displayName
    isEmployee
  }
}`) as unknown as TypedDocumentString<CategoryPageQuery, CategoryPageQueryVariables>;
export const CategoryIdDocument = new TypedDocumentString(`
    query CategoryId($slug: String!) {
  category(slug: $slug) {
    id
  }
}
    `) as unknown as TypedDocumentString<CategoryIdQuery, CategoryIdQueryVariables>;
export const AskFormDocument = new TypedDocumentString(`
    query AskForm {
  categories {
    id
    name
    slug
  }
}
    `) as unknown as TypedDocumentString<AskFormQuery, AskFormQueryVariables>;
export const SimilarQuestionsDocument = new TypedDocumentString(`
    query SimilarQuestions($title: String!, $body: String) {
  similarQuestions(title: $title, body: $body, limit: 5) {
    id
    title
    status
    answerCount
    acceptedAnswer {
      authorKind
    }
  }
}
    `) as unknown as TypedDocumentString<SimilarQuestionsQuery, SimilarQuestionsQueryVariables>;
export const RecordAskEventDocument = new TypedDocumentString(`
    mutation RecordAskEvent($input: RecordAskEventInput!) {
  recordAskEvent(input: $input)
}
    `) as unknown as TypedDocumentString<RecordAskEventMutation, RecordAskEventMutationVariables>;
export const AskQuestionDocument = new TypedDocumentString(`
    mutation AskQuestion($input: AskQuestionInput!) {
  askQuestion(input: $input) {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<AskQuestionMutation, AskQuestionMutationVariables>;
export const QuestionPageDocument = new TypedDocumentString(`
    query QuestionPage($id: ID!, $withSource: Boolean = false) {
  question(id: $id) {
    id
    title
    bodyHtml
    status
    score
    viewerVote
    viewerIsWatching
    viewerCanEdit
    viewerCanRetag
    viewerCanMarkDuplicate
    tags
    createdAt
    updatedAt
    viewCount
    answerCount
    pinned
    body @include(if: $withSource)
    lock {
      at
      reason
    }
    closeReason {
      kind
      note
    }
    editCount
    revisions {
      ...RevisionView
    }
    author {
      ...PostAuthor
    }
    category {
      id
      name
      slug
      businessCalendar
    }
    attribution {
      authorName
      source
      url
      licence
    }
    escalation {
      state
      staffDueAt
      closedAt
      needsInfo {
        note
        askedAt
        askedBy {
          displayName
        }
      }
    }
    helpingPrivately
    viewerCanMessagePrivately
    staffHelp {
      allowed
      refusal
      peerWindowHours
      availableAt
    }
    duplicateOf {
      id
      title
    }
    comments {
      ...CommentView
    }
    acceptedAnswer {
      id
      authorKind
    }
    answers {
      ...AnswerView
    }
    moderation {
      ...PostModerationView
    }
  }
}
    fragment PostAuthor on User {
  id
  displayName
  isEmployee
  reputation
}
fragment PostModerationView on PostModeration {
  state
  reason
  nextStep
  reviewItemId
  secondLookAvailable
}
fragment RevisionView on PostRevision {
  id
  editedAt
  reason
  editor {
    id
    displayName
  }
}
fragment CommentView on Comment {
  id
  bodyHtml
  createdAt
  authorKind
  author {
    ...PostAuthor
  }
  moderation {
    ...PostModerationView
  }
}
fragment AnswerView on Answer {
  id
  bodyHtml
  score
  viewerVote
  isAccepted
  authorKind
  endorsedByStaff
  createdAt
  updatedAt
  viewerCanEdit
  viewerCanDelete
  body @include(if: $withSource)
  editCount
  revisions(first: 3) {
    ...RevisionView
  }
  author {
    ...PostAuthor
  }
  attribution {
    authorName
    source
    url
    licence
  }
  comments {
    ...CommentView
  }
  moderation {
    ...PostModerationView
  }
}`) as unknown as TypedDocumentString<QuestionPageQuery, QuestionPageQueryVariables>;
export const PostAnswerDocument = new TypedDocumentString(`
    mutation PostAnswer($input: PostAnswerInput!) {
  postAnswer(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PostAnswerMutation, PostAnswerMutationVariables>;
export const EditAnswerDocument = new TypedDocumentString(`
    mutation EditAnswer($input: EditAnswerInput!) {
  editAnswer(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<EditAnswerMutation, EditAnswerMutationVariables>;
export const DeleteAnswerDocument = new TypedDocumentString(`
    mutation DeleteAnswer($id: ID!, $reason: String) {
  deleteAnswer(id: $id, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<DeleteAnswerMutation, DeleteAnswerMutationVariables>;
export const EditQuestionDocument = new TypedDocumentString(`
    mutation EditQuestion($input: EditQuestionInput!) {
  editQuestion(input: $input) {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<EditQuestionMutation, EditQuestionMutationVariables>;
export const PostCommentDocument = new TypedDocumentString(`
    mutation PostComment($input: PostCommentInput!) {
  postComment(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<PostCommentMutation, PostCommentMutationVariables>;
export const AcceptAnswerDocument = new TypedDocumentString(`
    mutation AcceptAnswer($answerId: ID!) {
  acceptAnswer(answerId: $answerId) {
    id
  }
}
    `) as unknown as TypedDocumentString<AcceptAnswerMutation, AcceptAnswerMutationVariables>;
export const UnacceptAnswerDocument = new TypedDocumentString(`
    mutation UnacceptAnswer($questionId: ID!) {
  unacceptAnswer(questionId: $questionId) {
    id
  }
}
    `) as unknown as TypedDocumentString<UnacceptAnswerMutation, UnacceptAnswerMutationVariables>;
export const VoteDocument = new TypedDocumentString(`
    mutation Vote($input: VoteInput!) {
  vote(input: $input) {
    score
    viewerVote
  }
}
    `) as unknown as TypedDocumentString<VoteMutation, VoteMutationVariables>;
export const FlagDocument = new TypedDocumentString(`
    mutation Flag($input: FlagInput!) {
  flag(input: $input) {
    id
    reason
  }
}
    `) as unknown as TypedDocumentString<FlagMutation, FlagMutationVariables>;
export const RequestSecondLookDocument = new TypedDocumentString(`
    mutation RequestSecondLook($id: ID!) {
  requestSecondLook(id: $id) {
    id
    state
  }
}
    `) as unknown as TypedDocumentString<RequestSecondLookMutation, RequestSecondLookMutationVariables>;
export const WatchQuestionDocument = new TypedDocumentString(`
    mutation WatchQuestion($questionId: ID!, $watching: Boolean!) {
  watchQuestion(questionId: $questionId, watching: $watching) {
    id
    viewerIsWatching
  }
}
    `) as unknown as TypedDocumentString<WatchQuestionMutation, WatchQuestionMutationVariables>;
export const SearchDocument = new TypedDocumentString(`
    query Search($query: String!, $filter: SearchFilter, $sort: SearchSort!, $after: String) {
  search(query: $query, filter: $filter, sort: $sort, after: $after, first: 20) {
    totalCount
    totalCountIsExact
    pageInfo {
      hasNextPage
      endCursor
    }
    facets {
      categories {
        count
        category {
          id
          name
          slug
        }
      }
      statuses {
        count
        status
      }
    }
    edges {
      node {
        snippet
        question {
          ...QuestionRow
        }
      }
    }
  }
}
    fragment QuestionRow on Question {
  id
  title
  status
  answerCount
  score
  createdAt
  lastActivityAt
  tags
  pinned
  acceptedAnswer {
    id
    authorKind
  }
  category {
    name
    slug
  }
  author {
    id
    displayName
    isEmployee
  }
}`) as unknown as TypedDocumentString<SearchQuery, SearchQueryVariables>;
export const NotificationsDocument = new TypedDocumentString(`
    query Notifications($after: String) {
  notifications(first: 30, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        kind
        message
        isRead
        createdAt
        question {
          id
          title
        }
        actor {
          displayName
        }
      }
    }
  }
  unreadNotificationCount
}
    `) as unknown as TypedDocumentString<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = new TypedDocumentString(`
    mutation MarkNotificationsRead($ids: [ID!]) {
  markNotificationsRead(ids: $ids)
}
    `) as unknown as TypedDocumentString<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const UserPageDocument = new TypedDocumentString(`
    query UserPage($id: ID!, $answersAfter: String, $reputationAfter: String) {
  user(id: $id) {
    id
    displayName
    reputation
    trustLevel
    role
    isEmployee
    affiliation
    createdAt
    reputationHistory(first: 10, after: $reputationAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          delta
          kind
          summary
          questionId
          questionTitle
          at
        }
      }
    }
    answers(first: 10, after: $answersAfter) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ProfileAnswer
        }
      }
    }
    accepted: answers(first: 10, acceptedOnly: true) {
      totalCount
      edges {
        node {
          ...ProfileAnswer
        }
      }
    }
  }
  asked: questions(first: 10, filter: {authorId: $id}, orderBy: NEWEST) {
    totalCount
    edges {
      node {
        ...QuestionRow
      }
    }
  }
}
    fragment QuestionRow on Question {
  id
  title
  status
  answerCount
  score
  createdAt
  lastActivityAt
  tags
  pinned
  acceptedAnswer {
    id
    authorKind
  }
  category {
    name
    slug
  }
  author {
    id
    displayName
    isEmployee
  }
}
fragment ProfileAnswer on Answer {
  id
  score
  isAccepted
  authorKind
  createdAt
  question {
    id
    title
  }
}`) as unknown as TypedDocumentString<UserPageQuery, UserPageQueryVariables>;
export const MarkdownPreviewDocument = new TypedDocumentString(`
    query MarkdownPreview($body: String!) {
  markdownPreview(body: $body)
}
    `) as unknown as TypedDocumentString<MarkdownPreviewQuery, MarkdownPreviewQueryVariables>;
export const WatchCategoryDocument = new TypedDocumentString(`
    mutation WatchCategory($categoryId: ID!, $watching: Boolean!) {
  watchCategory(categoryId: $categoryId, watching: $watching) {
    id
    viewerIsWatching
  }
}
    `) as unknown as TypedDocumentString<WatchCategoryMutation, WatchCategoryMutationVariables>;
export const NotificationPreferencesDocument = new TypedDocumentString(`
    query NotificationPreferences {
  notificationPreferences {
    notificationEmail
    kinds {
      kind
      email
      defaultEmail
    }
  }
}
    `) as unknown as TypedDocumentString<NotificationPreferencesQuery, NotificationPreferencesQueryVariables>;
export const SetNotificationPreferencesDocument = new TypedDocumentString(`
    mutation SetNotificationPreferences($input: NotificationPreferencesInput!) {
  setNotificationPreferences(input: $input) {
    notificationEmail
    kinds {
      kind
      email
      defaultEmail
    }
  }
}
    `) as unknown as TypedDocumentString<SetNotificationPreferencesMutation, SetNotificationPreferencesMutationVariables>;
export const MentionSuggestionsDocument = new TypedDocumentString(`
    query MentionSuggestions($prefix: String!, $questionId: ID) {
  mentionSuggestions(prefix: $prefix, questionId: $questionId) {
    userId
    displayName
    token
  }
}
    `) as unknown as TypedDocumentString<MentionSuggestionsQuery, MentionSuggestionsQueryVariables>;
export const PrivateConversationDocument = new TypedDocumentString(`
    query PrivateConversation($questionId: ID!) {
  privateConversation(questionId: $questionId) {
    id
    resolvedAt
    messages {
      id
      bodyHtml
      createdAt
      author {
        id
        displayName
        isEmployee
      }
    }
  }
}
    `) as unknown as TypedDocumentString<PrivateConversationQuery, PrivateConversationQueryVariables>;
export const SendPrivateMessageDocument = new TypedDocumentString(`
    mutation SendPrivateMessage($questionId: ID!, $body: String!) {
  sendPrivateMessage(questionId: $questionId, body: $body) {
    id
  }
}
    `) as unknown as TypedDocumentString<SendPrivateMessageMutation, SendPrivateMessageMutationVariables>;
export const ResolvePrivatelyDocument = new TypedDocumentString(`
    mutation ResolvePrivately($questionId: ID!, $summary: String) {
  resolvePrivately(questionId: $questionId, summary: $summary) {
    id
    resolvedAt
  }
}
    `) as unknown as TypedDocumentString<ResolvePrivatelyMutation, ResolvePrivatelyMutationVariables>;
export const AcceptReminderLinkDocument = new TypedDocumentString(`
    query AcceptReminderLink($token: String!) {
  acceptReminderLink(token: $token) {
    questionId
    questionTitle
    choice
    answerId
    answerExcerpt
    answerAuthorName
    expiresAt
    refusal
  }
}
    `) as unknown as TypedDocumentString<AcceptReminderLinkQuery, AcceptReminderLinkQueryVariables>;
export const UseAcceptReminderLinkDocument = new TypedDocumentString(`
    mutation UseAcceptReminderLink($token: String!) {
  useAcceptReminderLink(token: $token) {
    questionId
    choice
  }
}
    `) as unknown as TypedDocumentString<UseAcceptReminderLinkMutation, UseAcceptReminderLinkMutationVariables>;
export const ExportMyDataDocument = new TypedDocumentString(`
    query ExportMyData {
  exportMyData
}
    `) as unknown as TypedDocumentString<ExportMyDataQuery, ExportMyDataQueryVariables>;
export const DeleteMyAccountDocument = new TypedDocumentString(`
    mutation DeleteMyAccount($password: String!) {
  deleteMyAccount(password: $password)
}
    `) as unknown as TypedDocumentString<DeleteMyAccountMutation, DeleteMyAccountMutationVariables>;
export const AdminPageDocument = new TypedDocumentString(`
    query AdminPage {
  announcement {
    message
    updatedAt
  }
  categories {
    id
    name
    slug
    description
    questionCount
    peerWindowHours
    unsolvedWindowHours
    fastLanePeerWindowHours
    staffResponseHours
    solvedAutoCloseDays
    businessCalendar
    staffTeam {
      id
    }
  }
  staffMembers {
    id
    displayName
  }
  webhooks {
    id
    url
    events
    secretHint
    createdAt
  }
  spamRules {
    words
    domains
  }
}
    `) as unknown as TypedDocumentString<AdminPageQuery, AdminPageQueryVariables>;
export const AdminWebhookDeliveriesDocument = new TypedDocumentString(`
    query AdminWebhookDeliveries($id: ID!) {
  webhookDeliveries(webhookId: $id, first: 10) {
    id
    event
    status
    attempts
    lastStatus
    lastError
    createdAt
  }
}
    `) as unknown as TypedDocumentString<AdminWebhookDeliveriesQuery, AdminWebhookDeliveriesQueryVariables>;
export const AdminCreateCategoryDocument = new TypedDocumentString(`
    mutation AdminCreateCategory($input: CreateCategoryInput!) {
  createCategory(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AdminCreateCategoryMutation, AdminCreateCategoryMutationVariables>;
export const AdminUpdateCategoryDocument = new TypedDocumentString(`
    mutation AdminUpdateCategory($input: UpdateCategoryInput!) {
  updateCategory(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AdminUpdateCategoryMutation, AdminUpdateCategoryMutationVariables>;
export const AdminCreateWebhookDocument = new TypedDocumentString(`
    mutation AdminCreateWebhook($input: CreateWebhookInput!) {
  createWebhook(input: $input) {
    id
  }
}
    `) as unknown as TypedDocumentString<AdminCreateWebhookMutation, AdminCreateWebhookMutationVariables>;
export const AdminDeleteWebhookDocument = new TypedDocumentString(`
    mutation AdminDeleteWebhook($id: ID!) {
  deleteWebhook(id: $id)
}
    `) as unknown as TypedDocumentString<AdminDeleteWebhookMutation, AdminDeleteWebhookMutationVariables>;
export const AdminSetAnnouncementDocument = new TypedDocumentString(`
    mutation AdminSetAnnouncement($message: String!) {
  setAnnouncement(message: $message) {
    message
  }
}
    `) as unknown as TypedDocumentString<AdminSetAnnouncementMutation, AdminSetAnnouncementMutationVariables>;
export const AdminSetSpamRulesDocument = new TypedDocumentString(`
    mutation AdminSetSpamRules($words: [String!]!, $domains: [String!]!) {
  setSpamRules(words: $words, domains: $domains) {
    words
    domains
  }
}
    `) as unknown as TypedDocumentString<AdminSetSpamRulesMutation, AdminSetSpamRulesMutationVariables>;
export const AdminSetCategoryStaffTeamDocument = new TypedDocumentString(`
    mutation AdminSetCategoryStaffTeam($categoryId: ID!, $userIds: [ID!]!) {
  setCategoryStaffTeam(categoryId: $categoryId, userIds: $userIds) {
    id
  }
}
    `) as unknown as TypedDocumentString<AdminSetCategoryStaffTeamMutation, AdminSetCategoryStaffTeamMutationVariables>;
export const SetCategoryAnnouncementDocument = new TypedDocumentString(`
    mutation SetCategoryAnnouncement($categoryId: ID!, $message: String!) {
  setCategoryAnnouncement(categoryId: $categoryId, message: $message) {
    message
  }
}
    `) as unknown as TypedDocumentString<SetCategoryAnnouncementMutation, SetCategoryAnnouncementMutationVariables>;
export const AuditLogPageDocument = new TypedDocumentString(`
    query AuditLogPage($filter: AuditLogFilter, $after: String) {
  auditLog(filter: $filter, first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        at
        action
        targetType
        targetId
        before
        after
        reason
        actor {
          id
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuditLogPageQuery, AuditLogPageQueryVariables>;
export const ModerationPageDocument = new TypedDocumentString(`
    query ModerationPage {
  staffQueue(first: 1) {
    totalCount
  }
}
    `) as unknown as TypedDocumentString<ModerationPageQuery, ModerationPageQueryVariables>;
export const ReviewQueuePageDocument = new TypedDocumentString(`
    query ReviewQueuePage($filter: ReviewQueueFilter, $after: String) {
  reviewQueue(filter: $filter, first: 20, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        id
        targetType
        targetId
        reason
        detail
        state
        createdAt
        decision
        decisionNote
        decidedAt
        secondLookRequestedAt
        bodyHtml
        question {
          id
          title
        }
        author {
          id
          displayName
          reputation
          isEmployee
        }
        authorHistory {
          questions
          answers
          comments
          flagsUpheld
          flagsDeclined
          postsRemoved
        }
        flags {
          id
          reason
          note
          weight
          outcome
          createdAt
          flagger {
            id
            displayName
          }
        }
        decidedBy {
          displayName
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewQueuePageQuery, ReviewQueuePageQueryVariables>;
export const ResolveReviewDocument = new TypedDocumentString(`
    mutation ResolveReview($id: ID!, $action: ReviewAction!, $note: String) {
  resolveReview(id: $id, action: $action, note: $note) {
    id
    decision
  }
}
    `) as unknown as TypedDocumentString<ResolveReviewMutation, ResolveReviewMutationVariables>;
export const ModerationUsersDocument = new TypedDocumentString(`
    query ModerationUsers($filter: UsersFilterInput, $after: String) {
  users(filter: $filter, first: 25, after: $after) {
    totalCount
    edges {
      node {
        id
        displayName
        email
        role
        affiliation
        trustLevel
        reputation
        deletedAt
        suspension {
          until
        }
        silence {
          until
        }
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<ModerationUsersQuery, ModerationUsersQueryVariables>;
export const ModerationUserDocument = new TypedDocumentString(`
    query ModerationUser($id: ID!) {
  user(id: $id) {
    id
    displayName
    email
    role
    affiliation
    isEmployee
    trustLevel
    trustLevelLocked
    reputation
    createdAt
    deletedAt
    suspension {
      until
      reason
    }
    moderationRecord {
      questions
      answers
      comments
      flagsReceived
      flagsUpheld
      flagsDeclined
      postsHeld
      postsRemoved
    }
    silence {
      until
      reason
    }
  }
}
    `) as unknown as TypedDocumentString<ModerationUserQuery, ModerationUserQueryVariables>;
export const ModerationUserAuditDocument = new TypedDocumentString(`
    query ModerationUserAudit($id: ID!) {
  userAuditLog(userId: $id) {
    id
    actorId
    action
    before
    after
    reason
    createdAt
  }
}
    `) as unknown as TypedDocumentString<ModerationUserAuditQuery, ModerationUserAuditQueryVariables>;
export const ModerationSuspendUserDocument = new TypedDocumentString(`
    mutation ModerationSuspendUser($userId: ID!, $until: DateTime!, $reason: String!) {
  suspendUser(userId: $userId, until: $until, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<ModerationSuspendUserMutation, ModerationSuspendUserMutationVariables>;
export const ModerationUnsuspendUserDocument = new TypedDocumentString(`
    mutation ModerationUnsuspendUser($userId: ID!, $reason: String) {
  unsuspendUser(userId: $userId, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<ModerationUnsuspendUserMutation, ModerationUnsuspendUserMutationVariables>;
export const ModerationSilenceUserDocument = new TypedDocumentString(`
    mutation ModerationSilenceUser($userId: ID!, $until: DateTime!, $reason: String!) {
  silenceUser(userId: $userId, until: $until, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<ModerationSilenceUserMutation, ModerationSilenceUserMutationVariables>;
export const ModerationUnsilenceUserDocument = new TypedDocumentString(`
    mutation ModerationUnsilenceUser($userId: ID!, $reason: String) {
  unsilenceUser(userId: $userId, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<ModerationUnsilenceUserMutation, ModerationUnsilenceUserMutationVariables>;
export const ModerationSetUserRoleDocument = new TypedDocumentString(`
    mutation ModerationSetUserRole($userId: ID!, $role: Role!) {
  setUserRole(userId: $userId, role: $role) {
    id
  }
}
    `) as unknown as TypedDocumentString<ModerationSetUserRoleMutation, ModerationSetUserRoleMutationVariables>;
export const ModerationSetUserAffiliationDocument = new TypedDocumentString(`
    mutation ModerationSetUserAffiliation($userId: ID!, $affiliation: Affiliation!) {
  setUserAffiliation(userId: $userId, affiliation: $affiliation) {
    id
  }
}
    `) as unknown as TypedDocumentString<ModerationSetUserAffiliationMutation, ModerationSetUserAffiliationMutationVariables>;
export const ModerationSetTrustLevelDocument = new TypedDocumentString(`
    mutation ModerationSetTrustLevel($userId: ID!, $level: TrustLevel!, $reason: String!) {
  setTrustLevel(userId: $userId, level: $level, reason: $reason) {
    id
    trustLevel
    trustLevelLocked
  }
}
    `) as unknown as TypedDocumentString<ModerationSetTrustLevelMutation, ModerationSetTrustLevelMutationVariables>;
export const ModerationUnlockTrustLevelDocument = new TypedDocumentString(`
    mutation ModerationUnlockTrustLevel($userId: ID!) {
  unlockTrustLevel(userId: $userId) {
    id
    trustLevel
    trustLevelLocked
  }
}
    `) as unknown as TypedDocumentString<ModerationUnlockTrustLevelMutation, ModerationUnlockTrustLevelMutationVariables>;
export const ModerationMenuDocument = new TypedDocumentString(`
    query ModerationMenu {
  categories {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ModerationMenuQuery, ModerationMenuQueryVariables>;
export const LockQuestionDocument = new TypedDocumentString(`
    mutation LockQuestion($id: ID!, $reason: String!) {
  lockQuestion(id: $id, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<LockQuestionMutation, LockQuestionMutationVariables>;
export const UnlockQuestionDocument = new TypedDocumentString(`
    mutation UnlockQuestion($id: ID!) {
  unlockQuestion(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<UnlockQuestionMutation, UnlockQuestionMutationVariables>;
export const CloseQuestionDocument = new TypedDocumentString(`
    mutation CloseQuestion($id: ID!, $reason: CloseReason!, $note: String) {
  closeQuestion(id: $id, reason: $reason, note: $note) {
    id
  }
}
    `) as unknown as TypedDocumentString<CloseQuestionMutation, CloseQuestionMutationVariables>;
export const ReopenQuestionDocument = new TypedDocumentString(`
    mutation ReopenQuestion($id: ID!) {
  reopenQuestion(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReopenQuestionMutation, ReopenQuestionMutationVariables>;
export const MoveQuestionDocument = new TypedDocumentString(`
    mutation MoveQuestion($id: ID!, $categoryId: ID!, $reason: String!) {
  moveQuestion(id: $id, categoryId: $categoryId, reason: $reason) {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<MoveQuestionMutation, MoveQuestionMutationVariables>;
export const DeleteQuestionDocument = new TypedDocumentString(`
    mutation DeleteQuestion($id: ID!, $reason: String!) {
  deleteQuestion(id: $id, reason: $reason)
}
    `) as unknown as TypedDocumentString<DeleteQuestionMutation, DeleteQuestionMutationVariables>;
export const PinQuestionDocument = new TypedDocumentString(`
    mutation PinQuestion($id: ID!) {
  pinQuestion(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<PinQuestionMutation, PinQuestionMutationVariables>;
export const UnpinQuestionDocument = new TypedDocumentString(`
    mutation UnpinQuestion($id: ID!) {
  unpinQuestion(id: $id) {
    id
  }
}
    `) as unknown as TypedDocumentString<UnpinQuestionMutation, UnpinQuestionMutationVariables>;
export const EscalateQuestionDocument = new TypedDocumentString(`
    mutation EscalateQuestion($questionId: ID!, $reason: String!) {
  escalateQuestion(questionId: $questionId, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<EscalateQuestionMutation, EscalateQuestionMutationVariables>;
export const MarkDuplicateDocument = new TypedDocumentString(`
    mutation MarkDuplicate($questionId: ID!, $originalId: ID!) {
  markDuplicate(questionId: $questionId, originalId: $originalId) {
    id
  }
}
    `) as unknown as TypedDocumentString<MarkDuplicateMutation, MarkDuplicateMutationVariables>;
export const MergeDuplicateAnswersDocument = new TypedDocumentString(`
    mutation MergeDuplicateAnswers($questionId: ID!) {
  mergeDuplicateAnswers(questionId: $questionId) {
    id
    title
  }
}
    `) as unknown as TypedDocumentString<MergeDuplicateAnswersMutation, MergeDuplicateAnswersMutationVariables>;
export const HidePostDocument = new TypedDocumentString(`
    mutation HidePost($targetType: FlagTargetType!, $id: ID!, $reason: String!) {
  hidePost(targetType: $targetType, id: $id, reason: $reason) {
    targetId
    state
  }
}
    `) as unknown as TypedDocumentString<HidePostMutation, HidePostMutationVariables>;
export const RestorePostDocument = new TypedDocumentString(`
    mutation RestorePost($targetType: FlagTargetType!, $id: ID!) {
  restorePost(targetType: $targetType, id: $id) {
    targetId
    state
  }
}
    `) as unknown as TypedDocumentString<RestorePostMutation, RestorePostMutationVariables>;
export const RequestStaffHelpDocument = new TypedDocumentString(`
    mutation RequestStaffHelp($questionId: ID!) {
  requestStaffHelp(questionId: $questionId) {
    id
    staffDueAt
  }
}
    `) as unknown as TypedDocumentString<RequestStaffHelpMutation, RequestStaffHelpMutationVariables>;
export const EndorseAnswerDocument = new TypedDocumentString(`
    mutation EndorseAnswer($answerId: ID!) {
  endorseAnswer(answerId: $answerId) {
    id
    endorsedByStaff
  }
}
    `) as unknown as TypedDocumentString<EndorseAnswerMutation, EndorseAnswerMutationVariables>;
export const UnendorseAnswerDocument = new TypedDocumentString(`
    mutation UnendorseAnswer($answerId: ID!) {
  unendorseAnswer(answerId: $answerId) {
    id
    endorsedByStaff
  }
}
    `) as unknown as TypedDocumentString<UnendorseAnswerMutation, UnendorseAnswerMutationVariables>;
export const DeflectionDashboardDocument = new TypedDocumentString(`
    query DeflectionDashboard($input: DeflectionReportInput!, $from: DateTime!, $to: DateTime!) {
  categories {
    id
    name
  }
  searchGaps(from: $from, to: $to, first: 10) {
    query
    searches
    zeroResults
    lastTotal
    lastSeenAt
  }
  deflectionReport(input: $input) {
    from
    to
    asOf
    bucket
    cohortSize
    outcomes {
      outcome
      count
    }
    peerDeflectionRate {
      ...ReportRateFields
    }
    peerAnswerRate {
      ...ReportRateFields
    }
    staffTouchRate {
      ...ReportRateFields
    }
    acceptedAnswerRate {
      ...ReportRateFields
    }
    escalationRate {
      ...ReportRateFields
    }
    breachRate {
      ...ReportRateFields
    }
    acceptReminders {
      sent
      ledToAcceptance {
        ...ReportRateFields
      }
    }
    responseTimes {
      firstResponse {
        ...DurationFields
      }
      firstPeerAnswer {
        ...DurationFields
      }
      firstStaffResponseAfterEscalation {
        ...DurationFields
      }
      timeToAcceptedAnswer {
        ...DurationFields
      }
    }
    superusers {
      peerAnswerers
      peerAnswersByTopPercent {
        ...ReportRateFields
      }
      peerAnswersByTopTen {
        ...ReportRateFields
      }
      peerSolvedByTopPercent {
        ...ReportRateFields
      }
      peerSolvedByTopTen {
        ...ReportRateFields
      }
    }
    series {
      bucketStart
      cohortSize
      outcomes {
        outcome
        count
      }
      peerDeflectionRate {
        ...ReportRateFields
      }
    }
    byCategory {
      category {
        id
        name
      }
      cohortSize
      outcomes {
        outcome
        count
      }
      peerDeflectionRate {
        ...ReportRateFields
      }
    }
    preAskDeflection {
      sessionsShownSuggestions
      sessionsOpenedSuggestion
      sessionsOpenedSolvedSuggestion
      sessionsPosted
      asksAvoided
    }
  }
}
    fragment ReportRateFields on ReportRate {
  numerator
  denominator
  value
}
fragment DurationFields on DurationStats {
  medianSeconds
  p90Seconds
  count
}`) as unknown as TypedDocumentString<DeflectionDashboardQuery, DeflectionDashboardQueryVariables>;
export const ReportCategoriesDocument = new TypedDocumentString(`
    query ReportCategories {
  categories {
    id
    name
  }
}
    `) as unknown as TypedDocumentString<ReportCategoriesQuery, ReportCategoriesQueryVariables>;
export const ModerationDashboardDocument = new TypedDocumentString(`
    query ModerationDashboard($input: ModerationReportInput!) {
  moderationReport(input: $input) {
    from
    to
    bucket
    totals {
      ...ModerationFiguresFields
    }
    series {
      bucketStart
      flagsRaised
      flagsHandled
      reviewsDecided
      medianDecisionHours
      suspensions
      holds {
        reason
        held
        decided
        approved
        approvedShare {
          numerator
          denominator
          value
        }
      }
      spamChecks {
        check
        held
      }
    }
  }
}
    fragment ModerationFiguresFields on ModerationFigures {
  flagsRaised
  flagsHandled
  reviewsDecided
  medianDecisionHours
  suspensions
  holds {
    reason
    held
    decided
    approved
    approvedShare {
      numerator
      denominator
      value
    }
  }
  spamChecks {
    check
    held
    decided
    approved
    approvedShare {
      numerator
      denominator
      value
    }
  }
}`) as unknown as TypedDocumentString<ModerationDashboardQuery, ModerationDashboardQueryVariables>;
export const StaffQueuePageDocument = new TypedDocumentString(`
    query StaffQueuePage($filter: StaffQueueFilter, $after: String) {
  me {
    id
    displayName
    role
  }
  categories {
    id
    name
  }
  staffMembers {
    id
    displayName
  }
  staffQueue(filter: $filter, first: 50, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        timeLeftSeconds
        question {
          id
          title
          status
          answerCount
          createdAt
          category {
            id
            name
            businessCalendar
          }
        }
        escalation {
          reason
          note
          escalatedAt
          staffDueAt
          state
          breached
          assignee {
            id
            displayName
          }
          suggestedAssignee {
            id
            displayName
          }
          needsInfo {
            note
            askedAt
            repliedAt
            replyCommentId
            askedBy {
              displayName
            }
          }
          firstStaffResponse {
            at
            by {
              displayName
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<StaffQueuePageQuery, StaffQueuePageQueryVariables>;
export const ClaimEscalationDocument = new TypedDocumentString(`
    mutation ClaimEscalation($questionId: ID!) {
  claimEscalation(questionId: $questionId) {
    id
  }
}
    `) as unknown as TypedDocumentString<ClaimEscalationMutation, ClaimEscalationMutationVariables>;
export const AssignEscalationDocument = new TypedDocumentString(`
    mutation AssignEscalation($questionId: ID!, $userId: ID!) {
  assignEscalation(questionId: $questionId, userId: $userId) {
    id
  }
}
    `) as unknown as TypedDocumentString<AssignEscalationMutation, AssignEscalationMutationVariables>;
export const ReleaseEscalationDocument = new TypedDocumentString(`
    mutation ReleaseEscalation($questionId: ID!) {
  releaseEscalation(questionId: $questionId) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReleaseEscalationMutation, ReleaseEscalationMutationVariables>;
export const MarkNeedsInfoDocument = new TypedDocumentString(`
    mutation MarkNeedsInfo($questionId: ID!, $note: String!) {
  markNeedsInfo(questionId: $questionId, note: $note) {
    id
  }
}
    `) as unknown as TypedDocumentString<MarkNeedsInfoMutation, MarkNeedsInfoMutationVariables>;
export const ReturnToCommunityDocument = new TypedDocumentString(`
    mutation ReturnToCommunity($questionId: ID!, $reason: String!) {
  returnToCommunity(questionId: $questionId, reason: $reason) {
    id
  }
}
    `) as unknown as TypedDocumentString<ReturnToCommunityMutation, ReturnToCommunityMutationVariables>;