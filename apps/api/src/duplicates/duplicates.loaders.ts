import { Injectable } from '@nestjs/common';
import type { LoaderDefinition } from '../common/loaders';
import { type QuestionRow, QuestionsRepository } from '../questions/questions.repository';

/** The live original each question duplicates, or null. */
@Injectable()
export class DuplicateOfLoader implements LoaderDefinition<string, QuestionRow | null> {
  constructor(private readonly questions: QuestionsRepository) {}

  async batch(questionIds: readonly string[]): Promise<Array<QuestionRow | null>> {
    const originals = await this.questions.originalsOf(questionIds);
    return questionIds.map((id) => originals.get(id) ?? null);
  }
}
