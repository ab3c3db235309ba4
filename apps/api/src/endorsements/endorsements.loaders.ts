import { Injectable } from '@nestjs/common';
import type { LoaderDefinition } from '../common/loaders';
import { EndorsementsRepository } from './endorsements.repository';

/** Whether staff endorsed each answer: a thread page's answers in one statement. */
@Injectable()
export class EndorsedLoader implements LoaderDefinition<string, boolean> {
  constructor(private readonly endorsements: EndorsementsRepository) {}

  async batch(answerIds: readonly string[]): Promise<boolean[]> {
    const endorsed = await this.endorsements.endorsed(answerIds);
    return answerIds.map((id) => endorsed.has(id));
  }
}
