import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  FLAG_OUTCOMES, FLAG_REASONS, FLAG_TARGET_TYPES, type FlagOutcome, type FlagReason, type FlagTargetType, POST_MODERATION_STATES, type PostModerationState,
  REVIEW_ACTIONS, REVIEW_REASONS, REVIEW_STATES, type ReviewAction, type ReviewReason, type ReviewState, SPAM_CHECKS,
} from '@peerdesk/domain';
import { enumOf } from '../common/enums';
import { ConnectionOf } from '../common/pagination';
import type { FlagRow, ReviewItemRow } from './review.repository';

export const FlagTargetTypeEnum = enumOf(FLAG_TARGET_TYPES);
export const FlagReasonEnum = enumOf(FLAG_REASONS);
export const FlagOutcomeEnum = enumOf(FLAG_OUTCOMES);
export const ReviewReasonEnum = enumOf(REVIEW_REASONS);
export const ReviewStateEnum = enumOf(REVIEW_STATES);
export const ReviewActionEnum = enumOf(REVIEW_ACTIONS);
export const ModerationStateEnum = enumOf(POST_MODERATION_STATES);
export const SpamCheckEnum = enumOf(SPAM_CHECKS);

registerEnumType(FlagTargetTypeEnum, { name: 'FlagTargetType', description: 'A question, an answer or a comment.' });
registerEnumType(FlagReasonEnum, { name: 'FlagReason', description: 'NEEDS_STAFF: account-specific or urgent, for our team. OTHER needs a note.' });
registerEnumType(FlagOutcomeEnum, { name: 'FlagOutcome', description: 'UPHELD: the post was hidden or deleted after review; DECLINED: it was approved.' });
registerEnumType(ReviewReasonEnum, { name: 'ReviewReason', description: "FLAGGED by members; NEW_MEMBER: a new member's first posts; SILENCED: a silenced member's posts; SPAM_CHECK: held by a spam check." });
registerEnumType(ReviewStateEnum, { name: 'ReviewState' });
registerEnumType(SpamCheckEnum, {
  name: 'SpamCheck',
  description: 'The spam check that held a post: more links than its trust level allows, the same body again within minutes, a blocked word, a link to a blocked domain.',
});
registerEnumType(ReviewActionEnum, {
  name: 'ReviewAction',
  description: 'APPROVE shows the post; HIDE hides it; DELETE soft-deletes it; SUSPEND_AUTHOR hides it and suspends its author for 7 days (REVIEW_SUSPENSION_DAYS), with the note as the reason.',
});
registerEnumType(ModerationStateEnum, {
  name: 'ModerationState',
  description: 'VISIBLE to everyone; HELD before anyone else saw it (waiting for a moderator); HIDDEN after (flags or a moderator); DELETED.',
});

@ObjectType('PostModeration', { description: "A post's moderation, as its author and the moderators read it." })
export class PostModerationModel {
  @Field(() => ModerationStateEnum)
  state!: PostModerationState;

  @Field(() => String, { nullable: true, description: 'Why it is held or hidden, in words for its author.' })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'What happens next, for its author.' })
  nextStep!: string | null;

  @Field(() => ID, { nullable: true, description: 'The review item about it (its latest), if any.' })
  reviewItemId!: string | null;

  @Field({ description: 'Whether its author may ask for a second look now (once, after a decision to keep it hidden).' })
  secondLookAvailable!: boolean;
}

@ObjectType('ModeratedPost', { description: "A post after a moderator hid or restored it by hand." })
export class ModeratedPostModel {
  @Field(() => FlagTargetTypeEnum)
  targetType!: FlagTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => ID, { description: 'Its thread (the post itself for a question).' })
  questionId!: string;

  @Field(() => ModerationStateEnum)
  state!: PostModerationState;
}

@ObjectType('Flag')
export class FlagModel {
  @Field(() => ID)
  id!: string;

  @Field(() => FlagTargetTypeEnum)
  targetType!: FlagTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => FlagReasonEnum)
  reason!: FlagReason;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => Int, { description: "How much it counted towards hiding the post (the flagger's trust level)." })
  weight!: number;

  @Field()
  createdAt!: Date;

  @Field(() => FlagOutcomeEnum, { nullable: true, description: 'Null until a moderator decides about the post.' })
  outcome!: FlagOutcome | null;

  flaggerId!: string | null;
}

export function toFlagModel(flag: FlagRow): FlagModel {
  return {
    id: flag.id, targetType: flag.targetType, targetId: flag.targetId, reason: flag.reason, note: flag.note, weight: flag.weight,
    createdAt: flag.createdAt, outcome: flag.outcome, flaggerId: flag.flaggerId,
  };
}

@ObjectType('AuthorHistory', { description: "A post author's record, for the moderator deciding about their post." })
export class AuthorHistoryModel {
  @Field(() => Int)
  questions!: number;

  @Field(() => Int)
  answers!: number;

  @Field(() => Int)
  comments!: number;

  @Field(() => Int, { description: 'Flags on their posts that moderators upheld.' })
  flagsUpheld!: number;

  @Field(() => Int, { description: 'Flags on their posts that moderators declined.' })
  flagsDeclined!: number;

  @Field(() => Int, { description: 'Their posts hidden or deleted after review.' })
  postsRemoved!: number;

  @Field(() => Int, { description: 'Flags raised against their posts, decided or not.' })
  flagsReceived!: number;

  @Field(() => Int, { description: 'Their posts waiting for a moderator now.' })
  postsHeld!: number;
}

@ObjectType('ReviewItem', { description: 'A post waiting for (or decided by) a moderator.' })
export class ReviewItemModel {
  @Field(() => ID)
  id!: string;

  @Field(() => FlagTargetTypeEnum)
  targetType!: FlagTargetType;

  @Field(() => ID)
  targetId!: string;

  @Field(() => ReviewReasonEnum)
  reason!: ReviewReason;

  @Field(() => String, { nullable: true, description: 'What a check found, when a check held it.' })
  detail!: string | null;

  @Field(() => ReviewStateEnum)
  state!: ReviewState;

  @Field()
  createdAt!: Date;

  @Field(() => ReviewActionEnum, { nullable: true })
  decision!: ReviewAction | null;

  @Field(() => String, { nullable: true })
  decisionNote!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When its author asked for a second look.' })
  secondLookRequestedAt!: Date | null;

  questionId!: string;
  authorId!: string | null;
  decidedBy!: string | null;
}

export function toReviewItemModel(row: ReviewItemRow): ReviewItemModel {
  return { ...row };
}

export const ReviewItemConnection = ConnectionOf(ReviewItemModel, 'ReviewItem');
