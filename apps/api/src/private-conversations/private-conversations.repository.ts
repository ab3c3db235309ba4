import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { PrivateConversationEntity, PrivateMessageEntity } from './private-conversation.entity';

export type NewPrivateMessage = Pick<PrivateMessageEntity, 'conversationId' | 'questionId' | 'authorId' | 'authorKind' | 'body' | 'bodyHtml'>;

/** Owner of private_conversations and private_messages. */
@Injectable()
export class PrivateConversationsRepository {
  constructor(private readonly db: DataSource) {}

  /** The question's conversation; the caller holds the question's row lock when it is about to write. */
  findByQuestion(em: EntityManager, questionId: string): Promise<PrivateConversationEntity | null> {
    return em.findOneBy(PrivateConversationEntity, { questionId });
  }

  async open(em: EntityManager, questionId: string, openedBy: string, at: Date): Promise<PrivateConversationEntity> {
    await em.insert(PrivateConversationEntity, { questionId, openedBy, openedAt: at });
    return em.findOneByOrFail(PrivateConversationEntity, { questionId });
  }

  async resolve(em: EntityManager, id: string, resolvedBy: string, note: string | null, at: Date): Promise<PrivateConversationEntity> {
    await em.update(PrivateConversationEntity, { id }, { resolvedAt: at, resolvedBy, resolutionNote: note });
    return em.findOneByOrFail(PrivateConversationEntity, { id });
  }

  async insertMessage(em: EntityManager, message: NewPrivateMessage, at: Date): Promise<PrivateMessageEntity> {
    const inserted = await em.insert(PrivateMessageEntity, { ...message, createdAt: at });
    return em.findOneByOrFail(PrivateMessageEntity, { id: String(inserted.identifiers[0].id) });
  }

  /** A deleted account's own messages go with it (what they wrote privately); our team's replies stay. */
  async deleteMessagesBy(em: EntityManager, authorId: string): Promise<void> {
    await em.delete(PrivateMessageEntity, { authorId });
  }

  /** The conversation's messages, oldest first. */
  messages(conversationId: string): Promise<PrivateMessageEntity[]> {
    return this.db.getRepository(PrivateMessageEntity).find({ where: { conversationId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findConversation(questionId: string): Promise<PrivateConversationEntity | null> {
    return this.findByQuestion(this.db.manager, questionId);
  }

  /** Which of these questions have a conversation that is open (not resolved), in one statement. */
  async openAmong(questionIds: readonly string[]): Promise<Set<string>> {
    if (questionIds.length === 0) return new Set();
    const rows = await this.db.getRepository(PrivateConversationEntity).find({
      select: { questionId: true }, where: { questionId: In([...questionIds]), resolvedAt: IsNull() },
    });
    return new Set(rows.map((row) => row.questionId));
  }

  /** Whether the asker flagged the question or one of its posts as needing our team (a read of review's flags). */
  async askerFlaggedForStaff(questionId: string, askerId: string, em: EntityManager = this.db.manager): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `SELECT 1 FROM flags WHERE question_id = $1 AND flagger_id = $2 AND reason = 'NEEDS_STAFF' LIMIT 1`, [questionId, askerId]);
    return rows.length > 0;
  }
}
