import { Injectable } from '@nestjs/common';
import { type LoaderDefinition, typedTargetKey } from '../common/loaders';
import type { AttributionRow } from './attribution.model';
import { type AttributionTarget, ImporterRepository } from './importer.repository';

/** Where each imported post comes from (null for posts written here): a thread page's posts in one statement. */
@Injectable()
export class AttributionLoader implements LoaderDefinition<AttributionTarget, AttributionRow | null> {
  constructor(private readonly attributions: ImporterRepository) {}

  batch(targets: readonly AttributionTarget[]): Promise<Array<AttributionRow | null>> {
    return this.attributions.findAttributions(targets);
  }

  cacheKey(target: AttributionTarget): string {
    return typedTargetKey(target);
  }
}
