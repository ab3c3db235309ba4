import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, type RequestContext, Requires, SignedIn, type Viewer } from '../common/viewer';
import { toUserModel, UserModel } from '../users/user.model';
import { UserLoader } from '../users/users.loaders';
import { CommentModel, toCommentModel } from './comment.model';
import { CommentsService } from './comments.service';
import { EditCommentInput, PostCommentInput } from './dto/comment.input';
import { RateLimit } from '../rate-limits/rate-limit.guard';

@Resolver(() => CommentModel)
export class CommentsResolver {
  constructor(private readonly comments: CommentsService) {}

  @Mutation(() => CommentModel, { description: 'Comments on a question or an answer; not on a closed question.' })
  @Requires('post_comment')
  @RateLimit('comment')
  async postComment(@Args('input') input: PostCommentInput, @CurrentViewer() viewer: Viewer): Promise<CommentModel> {
    return toCommentModel(await this.comments.post(viewer, input));
  }

  @Mutation(() => CommentModel, { description: 'Author or moderator.' })
  @SignedIn()
  async editComment(@Args('input') input: EditCommentInput, @CurrentViewer() viewer: Viewer): Promise<CommentModel> {
    return toCommentModel(await this.comments.edit(viewer, input));
  }

  @Mutation(() => Boolean, { description: 'Soft delete by the author or a moderator.' })
  @SignedIn()
  deleteComment(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer,
    @Args('reason', { type: () => String, nullable: true, description: "Why (a moderator removing someone else's comment); kept with the audit entry and sent to the author." })
    reason?: string | null,
  ): Promise<boolean> {
    return this.comments.delete(viewer, id, reason ?? null);
  }

  @ResolveField(() => UserModel)
  async author(@Parent() comment: CommentModel, @Context() { loaders, viewer }: RequestContext): Promise<UserModel> {
    return toUserModel((await loaders.get(UserLoader).load(comment.authorId))!, viewer);
  }
}
