import { Injectable } from '@nestjs/common';
import type { LoaderDefinition } from '../common/loaders';
import { PrivateConversationsRepository } from './private-conversations.repository';

/** Whether each question has an open private conversation: one statement for a page of questions. */
@Injectable()
export class HelpingPrivatelyLoader implements LoaderDefinition<string, boolean> {
  constructor(private readonly conversations: PrivateConversationsRepository) {}

  async batch(questionIds: readonly string[]): Promise<boolean[]> {
    const open = await this.conversations.openAmong(questionIds);
    return questionIds.map((id) => open.has(id));
  }
}
