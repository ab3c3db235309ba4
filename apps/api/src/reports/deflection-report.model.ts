import type { ReportQuery } from './reports.repository';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { type EscalationReason, type Outcome, OUTCOMES, type Rate } from '@peerdesk/domain';
// The EscalationReason enum is the escalation module's; reports name the same one.
import { EscalationReasonEnum } from '../escalation/escalation.model';
import { enumOf } from '../common/enums';

export const OutcomeEnum = enumOf(OUTCOMES);
registerEnumType(OutcomeEnum, { name: 'DeflectionOutcome', description: 'Exactly one per question as of the report moment; see docs/metrics.md.' });

@ObjectType('ReportRate', { description: 'A share with what it is made of; value is null when the denominator is 0.' })
export class RateModel implements Rate {
  @Field(() => Int)
  numerator!: number;

  @Field(() => Int)
  denominator!: number;

  @Field(() => Float, { nullable: true })
  value!: number | null;
}

@ObjectType('OutcomeCount')
export class OutcomeCountModel {
  @Field(() => OutcomeEnum)
  outcome!: Outcome;

  @Field(() => Int)
  count!: number;
}

@ObjectType('EscalationReasonRate')
export class EscalationReasonRateModel {
  @Field(() => EscalationReasonEnum)
  reason!: EscalationReason;

  @Field(() => RateModel)
  rate!: RateModel;
}

@ObjectType('DeflectionSeriesBucket')
export class SeriesBucketModel {
  @Field({ description: 'Start of the bucket (UTC).' })
  bucketStart!: Date;

  @Field(() => Int)
  cohortSize!: number;

  @Field(() => [OutcomeCountModel])
  outcomes!: OutcomeCountModel[];

  @Field(() => RateModel, { description: 'PEER_SOLVED / cohort, for this bucket.' })
  peerDeflectionRate!: RateModel;
}

@ObjectType('ReportCategory')
export class ReportCategoryModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType('CategoryDeflection')
export class CategoryDeflectionModel {
  @Field(() => ReportCategoryModel)
  category!: ReportCategoryModel;

  @Field(() => Int)
  cohortSize!: number;

  @Field(() => [OutcomeCountModel])
  outcomes!: OutcomeCountModel[];

  @Field(() => RateModel)
  peerDeflectionRate!: RateModel;
}

@ObjectType('DurationStats', { description: 'Seconds; median and p90 by percentile_cont over the `count` questions (or escalations) that had one.' })
export class DurationStatsModel {
  @Field(() => Float, { nullable: true })
  medianSeconds!: number | null;

  @Field(() => Float, { nullable: true })
  p90Seconds!: number | null;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ResponseTimes')
export class ResponseTimesModel {
  @Field(() => DurationStatsModel, { description: 'Asked → first answer or comment by someone other than the asker.' })
  firstResponse!: DurationStatsModel;

  @Field(() => DurationStatsModel, { description: 'Asked → first peer answer (not by the asker).' })
  firstPeerAnswer!: DurationStatsModel;

  @Field(() => DurationStatsModel, { description: 'Escalated → first staff response, per escalation.' })
  firstStaffResponseAfterEscalation!: DurationStatsModel;

  @Field(() => DurationStatsModel, { description: 'Asked → the acceptance in force at asOf.' })
  timeToAcceptedAnswer!: DurationStatsModel;
}

@ObjectType('AnswererBucket')
export class AnswererBucketModel {
  @Field({ description: '1, 2-5, 6-20 or 21+ peer answers in the cohort.' })
  bucket!: string;

  @Field(() => Int)
  answerers!: number;

  @Field(() => Int)
  answers!: number;
}

@ObjectType('SuperuserShare')
export class SuperuserShareModel {
  @Field(() => Int)
  peerAnswerers!: number;

  @Field(() => RateModel, { description: 'Peer answers written by the top 1% of peer answerers (at least one person).' })
  peerAnswersByTopPercent!: RateModel;

  @Field(() => RateModel)
  peerAnswersByTopTen!: RateModel;

  @Field(() => RateModel, { description: 'PEER_SOLVED questions whose accepted answer is by the top 1%.' })
  peerSolvedByTopPercent!: RateModel;

  @Field(() => RateModel)
  peerSolvedByTopTen!: RateModel;

  @Field(() => [AnswererBucketModel])
  answererBuckets!: AnswererBucketModel[];
}

@ObjectType('DeflectionReport')
export class DeflectionReportModel {
  @Field()
  from!: Date;

  @Field()
  to!: Date;

  @Field()
  asOf!: Date;

  @Field()
  bucket!: string;

  @Field(() => Int)
  cohortSize!: number;

  @Field(() => [OutcomeCountModel], { description: 'Every outcome, zero counts included, in a fixed order.' })
  outcomes!: OutcomeCountModel[];

  @Field(() => RateModel, { description: 'PEER_SOLVED / cohort.' })
  peerDeflectionRate!: RateModel;

  @Field(() => RateModel, { description: 'Questions with a peer answer (not by the asker) by asOf / cohort.' })
  peerAnswerRate!: RateModel;

  @Field(() => RateModel, { description: 'Questions with any staff answer or staff comment by asOf / cohort.' })
  staffTouchRate!: RateModel;

  @Field(() => RateModel, { description: 'Questions with an accepted answer at asOf / cohort.' })
  acceptedAnswerRate!: RateModel;

  @Field(() => RateModel, { description: 'Questions escalated by asOf / cohort.' })
  escalationRate!: RateModel;

  @Field(() => [EscalationReasonRateModel], { description: 'Per trigger: questions escalated for that reason by asOf / cohort.' })
  escalationRateByReason!: EscalationReasonRateModel[];

  @Field(() => RateModel, { description: 'Escalations breached by asOf / escalations by asOf.' })
  breachRate!: RateModel;

  @Field(() => Int, { description: 'Peer-solved questions (before or after escalation) whose accepted answer staff had endorsed by asOf.' })
  endorsedPeerSolutions!: number;

  @Field(() => Int, { description: 'Views by anyone but the asker, by asOf, while the question had an accepted answer: people helped without asking.' })
  solvedQuestionViewsByOthers!: number;

  @Field(() => RateModel, { description: 'Views by anyone but the asker by asOf / cohort (may exceed 1).' })
  viewsPerQuestionAsked!: RateModel;

  @Field(() => ResponseTimesModel)
  responseTimes!: ResponseTimesModel;

  @Field(() => SuperuserShareModel)
  superusers!: SuperuserShareModel;

  @Field(() => [SeriesBucketModel])
  series!: SeriesBucketModel[];

  @Field(() => [CategoryDeflectionModel])
  byCategory!: CategoryDeflectionModel[];

  /** The report's question filter, not a field: for fields other modules resolve on the report (reminders to accept). */
  query!: ReportQuery;
}
