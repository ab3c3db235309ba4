import { Injectable } from '@nestjs/common';
import type { LoaderDefinition } from '../common/loaders';
import type { PostText } from '../common/post-text';
import type { AnswerEntity } from './answer.entity';
import { type AnswerRow, AnswersRepository, type QuestionOfAnswers } from './answers.repository';

/** Answers by id, less their text, deleted ones included: the accepted answers of a question list. */
@Injectable()
export class AnswerLoader implements LoaderDefinition<string, AnswerRow | null> {
  constructor(private readonly answers: AnswersRepository) {}

  batch(ids: readonly string[]): Promise<Array<AnswerRow | null>> {
    return this.answers.rowsByIds(ids);
  }
}

/** Answers' text by id: Answer.body and bodyHtml of an answer read as a row (AnswerRow). */
@Injectable()
export class AnswerTextLoader implements LoaderDefinition<string, PostText | null> {
  constructor(private readonly answers: AnswersRepository) {}

  batch(ids: readonly string[]): Promise<Array<PostText | null>> {
    return this.answers.textsByIds(ids);
  }
}

/** The live answers of each question, the accepted one first, then by score, then oldest. */
@Injectable()
export class QuestionAnswersLoader implements LoaderDefinition<QuestionOfAnswers, AnswerEntity[]> {
  constructor(private readonly answers: AnswersRepository) {}

  batch(questions: readonly QuestionOfAnswers[]): Promise<AnswerEntity[][]> {
    return this.answers.liveOfQuestions(questions);
  }

  cacheKey(question: QuestionOfAnswers): string {
    return question.id;
  }
}
