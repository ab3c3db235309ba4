import { Injectable } from '@nestjs/common';
import type { LoaderDefinition } from '../common/loaders';
import { CategoriesRepository } from './categories.repository';
import type { CategoryEntity } from './category.entity';

/** Categories by id: a question list's categories, a search's facets. */
@Injectable()
export class CategoryLoader implements LoaderDefinition<string, CategoryEntity | null> {
  constructor(private readonly categories: CategoriesRepository) {}

  batch(ids: readonly string[]): Promise<Array<CategoryEntity | null>> {
    return this.categories.findByIds(ids);
  }
}

/** Per category: the ids of its staff team (the admin page lists every category's). */
@Injectable()
export class CategoryStaffTeamLoader implements LoaderDefinition<string, string[]> {
  constructor(private readonly categories: CategoriesRepository) {}

  batch(ids: readonly string[]): Promise<string[][]> {
    return this.categories.staffTeams(ids);
  }
}
