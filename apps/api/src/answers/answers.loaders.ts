import { Injectable } from '@nestjs/common';
import type { LoaderDefinition } from '../common/loaders';
import type { AnswerEntity } from './answer.entity';
import { AnswersRepository, type QuestionOfAnswers } from './answers.repository';

/** Answers by id, deleted ones included: the accepted answers of a question list. */
@Injectable()
export class AnswerLoader implements LoaderDefinition<string, AnswerEntity | null> {
  constructor(private readonly answers: AnswersRepository) {}

  batch(ids: readonly string[]): Promise<Array<AnswerEntity | null>> {
    return this.answers.findByIds(ids);
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
