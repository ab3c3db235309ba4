import { Injectable } from '@nestjs/common';
import type { LoaderDefinition } from '../common/loaders';
import type { QuestionEntity } from './question.entity';
import { QuestionsRepository } from './questions.repository';

/** Questions by id, deleted ones included (each field decides whether to show one). */
@Injectable()
export class QuestionLoader implements LoaderDefinition<string, QuestionEntity | null> {
  constructor(private readonly questions: QuestionsRepository) {}

  batch(ids: readonly string[]): Promise<Array<QuestionEntity | null>> {
    return this.questions.findByIds(ids);
  }
}
