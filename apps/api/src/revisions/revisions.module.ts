import { Module } from '@nestjs/common';
import { RevisionsRepository } from './revisions.repository';

/** Earlier versions of posts, kept by the questions and answers modules when they are edited. */
@Module({ providers: [RevisionsRepository], exports: [RevisionsRepository] })
export class RevisionsModule {}
