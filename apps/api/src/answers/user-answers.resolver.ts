import { Args, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { type Connection, mapNodes } from '../common/pagination';
import { UserModel } from '../users/user.model';
import { AnswerConnection, type AnswerModel, toAnswerModel } from './answer.model';
import { AnswersService } from './answers.service';
import { UserAnswersArgs } from './dto/answer.input';

/** The answer fields of User (a member's profile) live with the answers module that owns them. */
@Resolver(() => UserModel)
export class UserAnswersResolver {
  constructor(private readonly service: AnswersService) {}

  @ResolveField(() => AnswerConnection, { description: "The member's live answers, newest first; public, like the threads they are in." })
  async answers(@Parent() user: UserModel, @Args() args: UserAnswersArgs): Promise<Connection<AnswerModel>> {
    return mapNodes(await this.service.byAuthor(user.id, args), ({ answer, acceptedAnswerId }) => toAnswerModel(answer, acceptedAnswerId));
  }
}
