import { Module } from '@nestjs/common';
import { AnswerAttributionResolver, QuestionAttributionResolver } from './attribution.resolver';
import { AttributionLoader } from './importer.loaders';
import { ImporterRepository } from './importer.repository';

/** Imported content's attribution in the API; the import itself is a CLI (`npm run import:stackexchange`). */
@Module({ providers: [ImporterRepository, AttributionLoader, QuestionAttributionResolver, AnswerAttributionResolver], exports: [ImporterRepository] })
export class ImporterModule {}
