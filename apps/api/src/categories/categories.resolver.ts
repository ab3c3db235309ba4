import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type RequestContext, Requires, type Viewer } from '../common/viewer';
import { toUserModel, UserModel } from '../users/user.model';
import { UserLoader } from '../users/users.loaders';
import { CategoryLoader, CategoryStaffTeamLoader } from './categories.loaders';
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
  async category(@Args('slug') slug: string, @Context() { loaders }: RequestContext): Promise<CategoryModel> {
    const { category, keptCounts } = await this.service.findBySlug(slug);
    // Its page's questions name this category: read once. Its lists count with the counts read with it.
    loaders.get(CategoryLoader).prime(category.id, category);
    return { ...toCategoryModel(category), keptCounts };
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

  @Mutation(() => CategoryModel, {
    description: "Admins: the category's staff team is exactly these users (employees who handle escalations); it hears of the category's escalations. Audited.",
  })
  @Requires('manage_categories')
  async setCategoryStaffTeam(
    @Args('categoryId', { type: () => ID }) categoryId: string,
    @Args('userIds', { type: () => [ID] }) userIds: string[],
    @CurrentViewer() viewer: Viewer,
  ): Promise<CategoryModel> {
    return toCategoryModel(await this.service.setStaffTeam(viewer.id, categoryId, userIds));
  }
}

/** Category.staffTeam, on both the category and its summary (the admin page lists summaries). */
async function staffTeamOf(category: CategoryModel, { loaders, viewer }: RequestContext): Promise<UserModel[]> {
  const ids = await loaders.get(CategoryStaffTeamLoader).load(category.id);
  const users = await Promise.all(ids.map((id) => loaders.get(UserLoader).load(id)));
  return users.flatMap((user) => (user ? [toUserModel(user, viewer)] : []));
}

const STAFF_TEAM_DESCRIPTION = "Staff who hear of this category's escalations and are suggested for them, by id; empty: every member of staff hears.";

@Resolver(() => CategoryModel)
export class CategoryStaffTeamResolver {
  @ResolveField(() => [UserModel], { description: STAFF_TEAM_DESCRIPTION })
  staffTeam(@Parent() category: CategoryModel, @Context() context: RequestContext): Promise<UserModel[]> {
    return staffTeamOf(category, context);
  }
}

@Resolver(() => CategorySummaryModel)
export class CategorySummaryStaffTeamResolver {
  @ResolveField(() => [UserModel], { description: STAFF_TEAM_DESCRIPTION })
  staffTeam(@Parent() category: CategorySummaryModel, @Context() context: RequestContext): Promise<UserModel[]> {
    return staffTeamOf(category, context);
  }
}

export const CATEGORY_RESOLVERS = [CategoriesResolver, CategoryStaffTeamResolver, CategorySummaryStaffTeamResolver];
