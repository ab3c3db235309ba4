import { Module } from '@nestjs/common';
import { RevisionsOfLoader } from './revisions.loaders';
import { AnswerRevisionsResolver, PostRevisionResolver, QuestionRevisionsResolver } from './revisions.resolver';
import { RevisionsRepository } from './revisions.repository';

/** Earlier versions of posts, kept by the questions and answers modules when they are edited, and shown as each post's history. */
@Module({
  providers: [RevisionsRepository, RevisionsOfLoader, QuestionRevisionsResolver, AnswerRevisionsResolver, PostRevisionResolver],
  exports: [RevisionsRepository],
})
export class RevisionsModule {}
