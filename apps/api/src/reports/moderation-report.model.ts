import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import type { ReviewReason, SpamCheck } from '@peerdesk/domain';
// The ReviewReason and SpamCheck enums are the review module's; the report names the same ones.
import { ReviewReasonEnum, SpamCheckEnum } from '../review/review.model';
import { RateModel } from './deflection-report.model';

/** Held, decided, approved and their share: the same four figures per review reason and per spam check. */
@ObjectType({ isAbstract: true })
abstract class HoldCountsModel {
  @Field(() => Int, { description: 'Items opened in the bucket (posts held, or flagged into the queue).' })
  held!: number;

  @Field(() => Int, { description: 'Of those, the items decided by now.' })
  decided!: number;

  @Field(() => Int, { description: 'Of those, the items approved (the post shown): for a check, its false positives.' })
  approved!: number;

  @Field(() => RateModel, { description: 'approved / decided: the share of decided holds a moderator approved.' })
  approvedShare!: RateModel;
}

@ObjectType('ModerationHoldFigures', { description: 'Review items opened for one reason, and how those of them decided so far were decided.' })
export class ModerationHoldFiguresModel extends HoldCountsModel {
  @Field(() => ReviewReasonEnum)
  reason!: ReviewReason;
}

@ObjectType('ModerationSpamCheckFigures', {
  description: 'Posts one spam check held (a post two checks held counts for each), and how those decided so far were decided: '
    + 'the approved share is the check\'s false-positive rate.',
})
export class ModerationSpamCheckFiguresModel extends HoldCountsModel {
  @Field(() => SpamCheckEnum)
  check!: SpamCheck;
}

@ObjectType('ModerationFigures', { description: 'Definitions: docs/metrics.md, "Moderation figures".' })
export class ModerationFiguresModel {
  @Field(() => Int, { description: 'Flags raised.' })
  flagsRaised!: number;

  @Field(() => Int, { description: 'Flags handled: given an outcome by a review decision.' })
  flagsHandled!: number;

  @Field(() => Int, { description: 'Review items decided (an item decided again after a second look counts at its latest decision).' })
  reviewsDecided!: number;

  @Field(() => Float, { nullable: true, description: 'Median hours from an item entering the queue to its decision, over the items decided; null when none was.' })
  medianDecisionHours!: number | null;

  @Field(() => [ModerationHoldFiguresModel], { description: 'One entry per review reason, in the order FLAGGED, NEW_MEMBER, SILENCED, SPAM_CHECK.' })
  holds!: ModerationHoldFiguresModel[];

  @Field(() => [ModerationSpamCheckFiguresModel], {
    description: 'The SPAM_CHECK holds split by check, one entry per check in the order LINKS_OVER_ALLOWANCE, REPEAT, BLOCKED_WORD, BLOCKED_DOMAIN.',
  })
  spamChecks!: ModerationSpamCheckFiguresModel[];

  @Field(() => Int, { description: 'Suspensions (USER_SUSPENDED in the audit log, by hand or through a review decision).' })
  suspensions!: number;
}

@ObjectType('ModerationSeriesBucket')
export class ModerationSeriesBucketModel extends ModerationFiguresModel {
  @Field({ description: 'The bucket\'s first instant (UTC).' })
  bucketStart!: Date;
}

@ObjectType('ModerationReport', { description: "The moderation figures for [from, to), for the whole period and per bucket. Managers and admins." })
export class ModerationReportModel {
  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field()
  bucket!: string;

  @Field(() => ModerationFiguresModel)
  totals!: ModerationFiguresModel;

  @Field(() => [ModerationSeriesBucketModel], { description: 'Every bucket of the period, oldest first, empty ones included.' })
  series!: ModerationSeriesBucketModel[];
}
