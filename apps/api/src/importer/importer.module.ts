import { Module } from '@nestjs/common';
import { AnswerAttributionResolver, QuestionAttributionResolver } from './attribution.resolver';

/** Imported content's attribution in the API; the import itself is a CLI (`npm run import:stackexchange`). */
@Module({ providers: [QuestionAttributionResolver, AnswerAttributionResolver] })
export class ImporterModule {}
