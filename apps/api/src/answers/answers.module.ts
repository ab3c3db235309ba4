import { Module } from '@nestjs/common';
import { QuestionsModule } from '../questions/questions.module';
import { AnswersRepository } from './answers.repository';
import { AnswersResolver } from './answers.resolver';
import { AnswersService } from './answers.service';
import { QuestionAnswersResolver } from './question-answers.resolver';

@Module({
  imports: [QuestionsModule],
  providers: [AnswersRepository, AnswersService, AnswersResolver, QuestionAnswersResolver],
  exports: [AnswersRepository, AnswersService],
})
export class AnswersModule {}
