import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import type { CloseReason } from '@peerdesk/domain';
import { CloseReasonEnum } from '../common/enums';
import { CurrentViewer, Requires, type Viewer } from '../common/viewer';
import { QuestionModel, toQuestionModel } from '../questions/question.model';
import { ThreadModerationService } from './thread-moderation.service';

const ID_ARG = { type: () => ID };

/** Moderators act on a thread; every action is audited with before, after and reason. */
@Resolver(() => QuestionModel)
export class ThreadModerationResolver {
  constructor(private readonly moderation: ThreadModerationService) {}

  @Mutation(() => QuestionModel, { description: 'Moderators: no new answers or comments (moderators excepted) until unlocked; members see the reason.' })
  @Requires('moderate_threads')
  async lockQuestion(@Args('id', ID_ARG) id: string, @Args('reason') reason: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.moderation.lock(viewer, id, reason));
  }

  @Mutation(() => QuestionModel, { description: 'Moderators: answers and comments are welcome again.' })
  @Requires('moderate_threads')
  async unlockQuestion(@Args('id', ID_ARG) id: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.moderation.unlock(viewer, id));
  }

  @Mutation(() => QuestionModel, {
    description: 'Moderators: close with a reason (OTHER needs a note; a duplicate is closed by markDuplicate). It leaves the staff queue and the community clock stops.',
  })
  @Requires('moderate_threads')
  async closeQuestion(
    @Args('id', ID_ARG) id: string,
    @Args('reason', { type: () => CloseReasonEnum }) reason: CloseReason,
    @Args('note', { type: () => String, nullable: true }) note: string | null,
    @CurrentViewer() viewer: Viewer,
  ): Promise<QuestionModel> {
    return toQuestionModel(await this.moderation.close(viewer, id, reason, note));
  }

  @Mutation(() => QuestionModel, { description: 'Moderators: reopen a closed question; its status follows its answers. A duplicate reopens by unmarkDuplicate.' })
  @Requires('moderate_threads')
  async reopenQuestion(@Args('id', ID_ARG) id: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.moderation.reopen(viewer, id));
  }

  @Mutation(() => QuestionModel, { description: "Moderators: move to another category; the community deadline follows the new category's windows." })
  @Requires('moderate_threads')
  async moveQuestion(
    @Args('id', ID_ARG) id: string,
    @Args('categoryId', ID_ARG) categoryId: string,
    @Args('reason') reason: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<QuestionModel> {
    return toQuestionModel(await this.moderation.move(viewer, id, categoryId, reason));
  }

  @Mutation(() => Boolean, { description: 'Moderators: remove a question and its answers from every list and search (soft delete, audited).' })
  @Requires('moderate_threads')
  deleteQuestion(@Args('id', ID_ARG) id: string, @Args('reason') reason: string, @CurrentViewer() viewer: Viewer): Promise<true> {
    return this.moderation.delete(viewer, id, reason);
  }

  @Mutation(() => QuestionModel, { description: "Moderators: pin to the top of its category's list." })
  @Requires('moderate_threads')
  async pinQuestion(@Args('id', ID_ARG) id: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.moderation.pin(viewer, id));
  }

  @Mutation(() => QuestionModel)
  @Requires('moderate_threads')
  async unpinQuestion(@Args('id', ID_ARG) id: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.moderation.unpin(viewer, id));
  }

  @Mutation(() => QuestionModel, {
    description: "Moderators: move a marked duplicate's answers to its original (authors, dates, votes and comments kept; an accepted answer becomes an ordinary one). Returns the original.",
  })
  @Requires('moderate_threads')
  async mergeDuplicateAnswers(@Args('questionId', ID_ARG) questionId: string, @CurrentViewer() viewer: Viewer): Promise<QuestionModel> {
    return toQuestionModel(await this.moderation.mergeDuplicateAnswers(viewer, questionId));
  }
}
