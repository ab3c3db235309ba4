import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  assertValid, authorKindFor, canSeePost, conflict, DomainError, forbidden, mayReadPrivateConversation, notFound, privateMessageRefusal,
  validateAnswer, validatePrivateMessage,
} from '@peerdesk/domain';
import { AnswersService } from '../answers/answers.service';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { DomainEvents } from '../common/domain-events';
import type { Viewer } from '../common/viewer';
import { Transactions } from '../database/transactions';
import { MarkdownRenderer } from '../markdown/markdown-renderer';
import type { QuestionEntity } from '../questions/question.entity';
import { QuestionsService } from '../questions/questions.service';
import type { PrivateConversationEntity, PrivateMessageEntity } from './private-conversation.entity';
import { PrivateConversationsRepository } from './private-conversations.repository';

export interface PrivateConversationView {
  conversation: PrivateConversationEntity;
  messages: PrivateMessageEntity[];
}

/**
 * The private conversation between a question's asker and our team (packages/domain/src/private-conversations.ts says
 * who). Like a comment, a message locks the question row first; a staff message is a staff response to the open
 * escalation and an asker's message resumes a paused one (private_message.sent, handled by the escalation service).
 * Nothing here is published to webhooks or the search index, and notifications never carry a message's body.
 */
@Injectable()
export class PrivateConversationsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly conversations: PrivateConversationsRepository,
    private readonly questions: QuestionsService,
    private readonly answers: AnswersService,
    private readonly events: DomainEvents,
    private readonly markdown: MarkdownRenderer,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** The conversation and its messages, or null when none was opened; the asker and employees only. */
  async conversation(viewer: Viewer, questionId: string): Promise<PrivateConversationView | null> {
    const question = this.visibleQuestion(viewer, await this.questions.get(questionId));
    this.checkMayRead(viewer, question);
    const conversation = await this.conversations.findConversation(question.id);
    return conversation ? { conversation, messages: await this.conversations.messages(conversation.id) } : null;
  }

  /** Sends a message, opening the conversation when it is the first. */
  async send(viewer: Viewer, questionId: string, body: string): Promise<PrivateMessageEntity> {
    assertValid(validatePrivateMessage({ body }));
    const bodyHtml = await this.markdown.render(body);
    return this.transactions.run(async (em) => {
      const question = this.visibleQuestion(viewer, await this.questions.lockLive(em, questionId));
      let conversation = await this.conversations.findByQuestion(em, question.id);
      const refusal = await this.messageRefusal(viewer, question, conversation, em);
      if (refusal) throw new DomainError(refusal.code, refusal.message);
      const now = this.clock.now();
      conversation ??= await this.conversations.open(em, question.id, viewer.id, now);
      const message = await this.conversations.insertMessage(em, {
        conversationId: conversation.id, questionId: question.id, authorId: viewer.id,
        // Fixed now, like a comment's: a staff message stays a staff response in the record.
        authorKind: authorKindFor(viewer.affiliation), body, bodyHtml,
      }, now);
      await this.events.publish(em, {
        type: 'private_message.sent', questionId: question.id, messageId: message.id, authorId: viewer.id, authorKind: message.authorKind, at: now,
      });
      return message;
    });
  }

  /**
   * Staff settle the question in private: the conversation is resolved, the open escalation closes as SOLVED and the
   * report counts STAFF_SOLVED_PRIVATELY (unless an answer is accepted: docs/metrics.md). A summary, when given, is
   * posted first as the staff member's public answer, through every rule an answer obeys; the asker may accept it.
   */
  async resolve(viewer: Viewer, questionId: string, summary: string | null): Promise<PrivateConversationView> {
    if (viewer.affiliation !== 'EMPLOYEE') throw forbidden('Only our team resolves a private conversation.');
    const trimmed = summary?.trim() || null;
    if (trimmed) {
      assertValid(validateAnswer({ body: trimmed }));
      // Checked before the answer is posted, and again under the question's lock below.
      checkOpen(await this.conversations.findConversation((await this.questions.get(questionId)).id));
      await this.answers.post(viewer, { questionId, body: trimmed });
    }
    return this.transactions.run(async (em) => {
      const question = await this.questions.lockLive(em, questionId);
      const open = checkOpen(await this.conversations.findByQuestion(em, question.id));
      const now = this.clock.now();
      const conversation = await this.conversations.resolve(em, open.id, viewer.id, trimmed, now);
      await this.audit.record(em, {
        actorId: viewer.id, action: 'PRIVATE_CONVERSATION_RESOLVED', targetType: 'QUESTION', targetId: question.id,
        before: { resolved: false }, after: { resolved: true, publicSummary: trimmed !== null }, at: now,
      });
      await this.events.publish(em, { type: 'question.resolved_privately', questionId: question.id, resolvedBy: viewer.id, at: now });
      return { conversation, messages: await this.conversations.messages(conversation.id) };
    });
  }

  /** Whether the viewer may send a message on this question now (Question.viewerCanMessagePrivately): what `send` decides. */
  async viewerMayMessage(viewer: Viewer | null, question: Pick<QuestionEntity, 'id' | 'authorId' | 'status'>): Promise<boolean> {
    if (!viewer || !mayReadPrivateConversation(viewer, question.authorId)) return false;
    return (await this.messageRefusal(viewer, question, await this.conversations.findConversation(question.id))) === null;
  }

  /** The one rule (privateMessageRefusal) over the question's facts; `em` when the caller holds the question's lock. */
  private async messageRefusal(
    viewer: Viewer, question: Pick<QuestionEntity, 'id' | 'authorId' | 'status'>, conversation: PrivateConversationEntity | null, em?: EntityManager,
  ) {
    return privateMessageRefusal(viewer, {
      askerId: question.authorId,
      escalated: question.status === 'ESCALATED',
      askerFlaggedForStaff: viewer.id === question.authorId && !conversation && await this.conversations.askerFlaggedForStaff(question.id, viewer.id, em),
      conversation: conversation ? { resolved: conversation.resolvedAt !== null } : null,
    });
  }

  private checkMayRead(viewer: Viewer, question: QuestionEntity): void {
    if (!mayReadPrivateConversation(viewer, question.authorId)) {
      throw forbidden('Only the person who asked and our team can see this private conversation.');
    }
  }

  /** A question the viewer may not see (held, hidden) does not exist for them, as everywhere else. */
  private visibleQuestion(viewer: Viewer, question: QuestionEntity): QuestionEntity {
    if (!canSeePost(viewer, question)) throw notFound(`There is no question ${question.id}.`);
    return question;
  }
}

function checkOpen(conversation: PrivateConversationEntity | null): PrivateConversationEntity {
  if (!conversation) throw conflict('There is no private conversation on this question to resolve.');
  if (conversation.resolvedAt) throw conflict('This private conversation is already resolved.');
  return conversation;
}
