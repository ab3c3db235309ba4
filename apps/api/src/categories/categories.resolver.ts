import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Requires, type Viewer } from '../common/viewer';
import { CategoriesService } from './categories.service';
import { CategoryModel, CategorySummaryModel, toCategoryModel, toCategorySummaryModel } from './category.model';
import { CreateCategoryInput, UpdateCategoryInput } from './dto/category.input';

@Resolver(() => CategoryModel)
export class CategoriesResolver {
  constructor(private readonly service: CategoriesService) {}

  @Query(() => [CategorySummaryModel], { description: 'Every category, by name, with question and solved counts.' })
  async categories(): Promise<CategorySummaryModel[]> {
    return (await this.service.summaries()).map(({ category, activity }) => toCategorySummaryModel(category, activity));
  }

  @Query(() => CategoryModel)
  async category(@Args('slug') slug: string): Promise<CategoryModel> {
    return toCategoryModel(await this.service.findBySlug(slug));
  }

  @Mutation(() => CategoryModel, { description: 'Admins; recorded in the audit log.' })
  @Requires('manage_categories')
  async createCategory(@Args('input') input: CreateCategoryInput, @CurrentViewer() viewer: Viewer): Promise<CategoryModel> {
    return toCategoryModel(await this.service.create(viewer.id, input));
  }

  @Mutation(() => CategoryModel, { description: 'Admins; recorded in the audit log with the settings changed.' })
  @Requires('manage_categories')
  async updateCategory(@Args('input') input: UpdateCategoryInput, @CurrentViewer() viewer: Viewer): Promise<CategoryModel> {
    return toCategoryModel(await this.service.update(viewer.id, input));
  }
}
