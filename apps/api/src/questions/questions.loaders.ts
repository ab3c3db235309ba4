import { Injectable } from '@nestjs/common';
import type { LoaderDefinition } from '../common/loaders';
import type { PostText } from '../common/post-text';
import { type QuestionRow, QuestionsRepository } from './questions.repository';

/** Questions by id, less their text, deleted ones included (each field decides whether to show one). */
@Injectable()
export class QuestionLoader implements LoaderDefinition<string, QuestionRow | null> {
  constructor(private readonly questions: QuestionsRepository) {}

  batch(ids: readonly string[]): Promise<Array<QuestionRow | null>> {
    return this.questions.rowsByIds(ids);
  }
}

/** Questions' text by id: Question.body and bodyHtml of a question read as a row (QuestionRow). */
@Injectable()
export class QuestionTextLoader implements LoaderDefinition<string, PostText | null> {
  constructor(private readonly questions: QuestionsRepository) {}

  batch(ids: readonly string[]): Promise<Array<PostText | null>> {
    return this.questions.textsByIds(ids);
  }
}
