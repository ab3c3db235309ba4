import { Module } from '@nestjs/common';
import { AnswerAttributionResolver, QuestionAttributionResolver } from './attribution.resolver';
import { AttributionLoader } from './importer.loaders';
import { PostAttributionsRepository } from './post-attributions.repository';

/** Imported content's attribution in the API; the import itself is a CLI (`npm run import:stackexchange`). */
@Module({ providers: [PostAttributionsRepository, AttributionLoader, QuestionAttributionResolver, AnswerAttributionResolver] })
export class ImporterModule {}
