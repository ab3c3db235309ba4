import { Args, Context, ID, Info, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { Inject } from '@nestjs/common';
import { canCloseDuplicates, canEditPost, canRetagQuestion } from '@peerdesk/domain';
import { CategoryModel, CategorySummaryModel, toCategoryModel } from '../categories/category.model';
import { CategoryLoader } from '../categories/categories.loaders';
import { CLOCK, type Clock } from '../common/clock';
import { asksForTotal, type Connection, mapNodes } from '../common/pagination';
import { CurrentViewer, type RequestContext, Requires, SignedIn, type Viewer } from '../common/viewer';
import { toUserModel, UserModel } from '../users/user.model';
import { UserLoader } from '../users/users.loaders';
import { AskQuestionInput, CategoryQuestionsArgs, EditQuestionInput, QuestionsArgs } from './dto/question.input';
import { QuestionConnection, QuestionModel, toQuestionModel } from './question.model';
import { QuestionsService } from './questions.service';
import { QuestionTextLoader } from './questions.loaders';
import { textOf } from '../common/post-text';
import { clientIp } from '../rate-limits/client-ip';
import { RateLimit } from '../rate-limits/rate-limit.guard';

@Resolver(() => QuestionModel)
export class QuestionsResolver {
  constructor(private readonly service: QuestionsService, @Inject(CLOCK) private readonly clock: Clock) {}

  @Query(() => QuestionModel, { description: 'One question with its answers; counts a view.' })
  async question(@Args('id', { type: () => ID }) id: string, @CurrentViewer() viewer: Viewer | null, @Context() { req, repeatOnHit }: RequestContext): Promise<QuestionModel> {
    const question = await this.service.view(id, viewer, clientIp(req));
    // A cached page is an anonymous reader's, so of a visible question, whose view `view` counted: each hit counts one too.
    // The hook holds the id alone, not the row: it lives as long as the cached page.
    const questionId = question.id;
    repeatOnHit.push((hit) => this.service.countView(questionId, null, clientIp(hit.req)));
    return toQuestionModel(question);
  }

  @Query(() => QuestionConnection)
  async questions(@Args() args: QuestionsArgs, @Info() info: GraphQLResolveInfo): Promise<Connection<QuestionModel>> {
    return mapNodes(await this.service.list(args.filter ?? {}, args.orderBy, args.first, args.after, { counted: asksForTotal(info) }), toQuestionModel);
  }

  @Mutation(() => QuestionModel)
  @Requires('ask_question')
  @RateLimit('ask')
  async askQuestion(@Args('input') input: AskQuestionInput, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.service.ask(viewer, input));
  }

  @Mutation(() => QuestionModel, { description: 'Author or moderator; a REGULAR or LEADER member may change only the tags of someone else\'s question. Earlier versions are kept.' })
  @SignedIn()
  async editQuestion(@Args('input') input: EditQuestionInput, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.service.edit(viewer, input));
  }

  @ResolveField(() => String, { description: 'Markdown source, for editing.' })
  async body(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): Promise<string> {
    return (await textOf(question, loaders.get(QuestionTextLoader))).body;
  }

  @ResolveField(() => String, { description: 'Sanitized HTML rendered from the Markdown body.' })
  async bodyHtml(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): Promise<string> {
    return (await textOf(question, loaders.get(QuestionTextLoader))).bodyHtml;
  }

  @ResolveField(() => UserModel)
  async author(@Parent() question: QuestionModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel> {
    return toUserModel((await loaders.get(UserLoader).load(question.authorId))!, viewer);
  }

  @ResolveField({ description: 'Whether the signed-in viewer may edit this question (its author or a moderator).' })
  viewerCanEdit(@Parent() question: QuestionModel, @CurrentViewer() viewer: Viewer | null): boolean {
    return viewer !== null && canEditPost(viewer, question);
  }

  @ResolveField({ description: "Whether the signed-in viewer may change this question's tags: who may edit it, and REGULAR and LEADER members (not while suspended)." })
  viewerCanRetag(@Parent() question: QuestionModel, @CurrentViewer() viewer: Viewer | null): boolean {
    return viewer !== null && canRetagQuestion(viewer, question, this.clock.now());
  }

  @ResolveField({ description: 'Whether the signed-in viewer may mark this question a duplicate: moderators and LEADER members (not while suspended).' })
  viewerCanMarkDuplicate(@Parent() _question: QuestionModel, @CurrentViewer() viewer: Viewer | null): boolean {
    return viewer !== null && canCloseDuplicates(viewer, this.clock.now());
  }

  @ResolveField(() => CategoryModel)
  async category(@Parent() question: QuestionModel, @Context() { loaders }: RequestContext): Promise<CategoryModel> {
    return toCategoryModel((await loaders.get(CategoryLoader).load(question.categoryId))!);
  }
}

const CATEGORY_QUESTIONS_DESCRIPTION = "This category's questions: Query.questions with the category's id as its filter.";

/**
 * Category.questions (and CategorySummary's, which inherits the field): a category page's list in the same
 * request as the category it names by slug, so the web renders the page from one GraphQL request.
 */
@Resolver(() => CategoryModel)
export class CategoryQuestionsResolver {
  constructor(private readonly service: QuestionsService) {}

  @ResolveField(() => QuestionConnection, { description: CATEGORY_QUESTIONS_DESCRIPTION })
  async questions(@Parent() category: CategoryModel, @Args() args: CategoryQuestionsArgs, @Info() info: GraphQLResolveInfo): Promise<Connection<QuestionModel>> {
    const page = await this.service.list({ ...args.filter, categoryId: category.id }, args.orderBy, args.first, args.after, {
      counted: asksForTotal(info), keptCounts: category.keptCounts,
    });
    return mapNodes(page, toQuestionModel);
  }
}

@Resolver(() => CategorySummaryModel)
export class CategorySummaryQuestionsResolver extends CategoryQuestionsResolver {
  @ResolveField(() => QuestionConnection, { description: CATEGORY_QUESTIONS_DESCRIPTION })
  override questions(@Parent() category: CategoryModel, @Args() args: CategoryQuestionsArgs, @Info() info: GraphQLResolveInfo): Promise<Connection<QuestionModel>> {
    return super.questions(category, args, info);
  }
}
