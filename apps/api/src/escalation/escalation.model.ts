import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  can, ESCALATION_REASONS, type EscalationReason, mayReadNeedsInfo, STAFF_HELP_REFUSALS, type StaffHelp, type StaffHelpRefusal,
  STAFF_QUEUE_STATES, type StaffQueueState, staffQueueState,
} from '@peerdesk/domain';
import { ConnectionOf } from '../common/pagination';
import { QuestionModel, toQuestionModel } from '../questions/question.model';
import type { Viewer } from '../common/viewer';
import type { EscalationEntity } from './escalation.entity';
import type { StaffQueueItem } from './escalation.service';
import { enumOf } from '../common/enums';

export const EscalationReasonEnum = enumOf(ESCALATION_REASONS);
export const StaffQueueStateEnum = enumOf(STAFF_QUEUE_STATES);
registerEnumType(EscalationReasonEnum, { name: 'EscalationReason' });
registerEnumType(StaffQueueStateEnum, { name: 'StaffQueueState' });
export const StaffHelpRefusalEnum = enumOf(STAFF_HELP_REFUSALS);
registerEnumType(StaffHelpRefusalEnum, {
  name: 'StaffHelpRefusal',
  description: 'Why the asker may not ask our team now: the peer window is still open, an answer is accepted, staff already have it, or the question is closed.',
});

@ObjectType('StaffHelp', { description: "Whether the asker may request staff help now, and if not why and from when (packages/domain staffHelpFor)." })
export class StaffHelpModel implements StaffHelp {
  @Field()
  allowed!: boolean;

  @Field(() => StaffHelpRefusalEnum, { nullable: true, description: 'Null when allowed.' })
  refusal!: StaffHelpRefusal | null;

  @Field(() => Int, { description: 'Hours the community gets to help first (the fast lane for a first question).' })
  peerWindowHours!: number;

  @Field(() => Date, { nullable: true, description: 'When the peer window ends, while it is open; null when allowed or when waiting changes nothing.' })
  availableAt!: Date | null;
}

@ObjectType('NeedsInfo', { description: 'What staff asked the asker to tell them; the staff clock waits until the asker replies.' })
export class NeedsInfoModel {
  @Field({ description: 'Addressed to the asker: what they should tell our team.' })
  note!: string;

  @Field()
  askedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When the asker replied (a comment, an edit or a private message); null while still waiting.' })
  repliedAt!: Date | null;

  @Field(() => ID, { nullable: true, description: 'The comment the asker replied with; null for an edit or a private message.' })
  replyCommentId!: string | null;

  /** Resolved by `askedBy`. */
  askedById!: string | null;
}

@ObjectType('StaffResponse')
export class StaffResponseModel {
  @Field()
  at!: Date;

  /** Resolved by `by`. */
  byId!: string | null;
}

@ObjectType('Escalation')
export class EscalationModel {
  @Field(() => ID)
  id!: string;

  @Field(() => EscalationReasonEnum)
  reason!: EscalationReason;

  @Field(() => String, { nullable: true, description: 'Why it was escalated (internal): staff queue readers only.' })
  note!: string | null;

  @Field()
  escalatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'When staff must respond by; null while waiting on the asker (the clock is stopped).' })
  staffDueAt!: Date | null;

  @Field(() => StaffQueueStateEnum)
  state!: StaffQueueState;

  @Field(() => NeedsInfoModel, {
    nullable: true,
    description: "The latest request to the asker for information, kept after they reply; null when none, and for anyone but the asker and employees who work the queue.",
  })
  needsInfo!: NeedsInfoModel | null;

  @Field()
  breached!: boolean;

  @Field(() => Date, { nullable: true })
  breachedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  firstStaffResponseAt!: Date | null;

  @Field(() => StaffResponseModel, { nullable: true, description: 'The first staff answer or comment: when and by whom; null before it.' })
  firstStaffResponse!: StaffResponseModel | null;

  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Once closed: SOLVED, RETURNED_TO_COMMUNITY, or CLOSED (the question was closed, e.g. marked as a duplicate).' })
  closeReason!: string | null;

  assigneeId!: string | null;
  questionId!: string;
  categoryId!: string;
}

/**
 * Notes are internal (why staff were called in): only those who work the queue see them. The needs-info request
 * is the asker's to act on and may concern their account: the asker and employees only (mayReadNeedsInfo).
 */
export function toEscalationModel(
  escalation: EscalationEntity,
  question: { authorId: string; categoryId: string },
  viewer: Viewer | null,
): EscalationModel {
  const needsInfo = escalation.needsInfoNote !== null && escalation.needsInfoAskedAt !== null && mayReadNeedsInfo(viewer, question.authorId)
    ? {
      note: escalation.needsInfoNote, askedAt: escalation.needsInfoAskedAt, askedById: escalation.needsInfoAskedBy,
      repliedAt: escalation.askerRepliedAt, replyCommentId: escalation.askerReplyCommentId,
    }
    : null;
  return {
    id: escalation.id,
    reason: escalation.reason,
    note: viewer && can(viewer.role, 'view_staff_queue') ? escalation.note : null,
    escalatedAt: escalation.escalatedAt,
    staffDueAt: escalation.staffDueAt,
    state: staffQueueState(escalation),
    needsInfo,
    breached: escalation.breachedAt !== null,
    breachedAt: escalation.breachedAt,
    firstStaffResponseAt: escalation.firstStaffResponseAt,
    firstStaffResponse: escalation.firstStaffResponseAt ? { at: escalation.firstStaffResponseAt, byId: escalation.firstStaffResponderId } : null,
    closedAt: escalation.closedAt,
    closeReason: escalation.closeReason,
    assigneeId: escalation.assigneeId,
    questionId: escalation.questionId,
    categoryId: question.categoryId,
  };
}

@ObjectType('StaffQueueItem')
export class StaffQueueItemModel {
  @Field(() => QuestionModel)
  question!: QuestionModel;

  @Field(() => EscalationModel)
  escalation!: EscalationModel;

  @Field(() => Float, { nullable: true, description: 'Business seconds left before the deadline (negative: overdue); null while paused.' })
  timeLeftSeconds!: number | null;
}

export function toStaffQueueItemModel({ question, escalation, timeLeftSeconds }: StaffQueueItem, viewer: Viewer): StaffQueueItemModel {
  return { question: toQuestionModel(question), escalation: toEscalationModel(escalation, question, viewer), timeLeftSeconds };
}

export const StaffQueueConnection = ConnectionOf(StaffQueueItemModel, 'StaffQueue');
