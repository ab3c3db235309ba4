import { PrivateConversationDocument, type PrivateConversationQuery, type ViewerQuery } from '@peerdesk/api-client';
import { can } from '@peerdesk/domain';
import { graphql } from './graphql';

/** What the question page shows of its private conversation to someone who takes part in it. */
export interface PrivateConversationView {
  conversation: PrivateConversationQuery['privateConversation'];
  /** May write now (Question.viewerCanMessagePrivately: the API's one rule, packages/domain/src/private-conversations.ts). */
  canWrite: boolean;
  /** Staff who may resolve it (and post a public summary). */
  canResolve: boolean;
}

/**
 * The conversation for the asker and employees; null for everyone else, who see only that our team is helping
 * privately (Question.helpingPrivately). The API decides again on every message: this only picks what to show.
 */
export async function privateConversationFor(
  question: { id: string; author: { id: string }; viewerCanMessagePrivately: boolean },
  viewer: ViewerQuery['me'],
): Promise<PrivateConversationView | null> {
  if (!viewer || (!viewer.isEmployee && viewer.id !== question.author.id)) return null;
  const { privateConversation: conversation } = await graphql(PrivateConversationDocument, { questionId: question.id });
  const open = !!conversation && !conversation.resolvedAt;
  return {
    conversation,
    canWrite: question.viewerCanMessagePrivately,
    canResolve: open && viewer.isEmployee && can(viewer.role, 'handle_escalation'),
  };
}
