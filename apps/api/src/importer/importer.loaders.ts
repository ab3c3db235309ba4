import { Injectable } from '@nestjs/common';
import { type LoaderDefinition, typedTargetKey } from '../common/loaders';
import type { AttributionRow } from './attribution.model';
import { type AttributedTarget, PostAttributionsRepository } from './post-attributions.repository';

/** Where each imported post comes from (null for posts written here): a thread page's posts in one statement. */
@Injectable()
export class AttributionLoader implements LoaderDefinition<AttributedTarget, AttributionRow | null> {
  constructor(private readonly attributions: PostAttributionsRepository) {}

  batch(targets: readonly AttributedTarget[]): Promise<Array<AttributionRow | null>> {
    return this.attributions.findAttributions(targets);
  }

  cacheKey(target: AttributedTarget): string {
    return typedTargetKey(target);
  }
}
