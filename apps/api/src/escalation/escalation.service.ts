import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import {
  addBusinessHours, askerMayRequestStaff, businessMillisRemaining, can, conflict, type EscalationReason, forbidden, isLateResponse, nextThreadStatus,
  LIMITS, peerWindowHoursFor, staffDueAt, validationFailed,
} from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { CategoriesRepository } from '../categories/categories.repository';
import { CLOCK, type Clock } from '../common/clock';
import type { BatchResult } from '../common/jobs/batches';
import { DomainEvents, type DomainEvent, type DomainEventHandler } from '../common/domain-events';
import { checkId } from '../common/ids';
import { type Connection, decodeCursor, toConnection } from '../common/pagination';
import { missing } from '../database/errors';
import type { Viewer } from '../common/viewer';
import { Transactions } from '../database/transactions';
import { QuestionEntity } from '../questions/question.entity';
import { QuestionsRepository } from '../questions/questions.repository';
import { UsersRepository } from '../users/users.repository';
import { CommunityClock } from './community-clock';
import type { EscalationCloseReason, EscalationEntity } from './escalation.entity';
import { EscalationRepository, type InsertedEscalation } from './escalation.repository';
import { type StaffQueueFilter, type StaffQueueRow, StaffQueueRepository } from './staff-queue.repository';

/** A question to send to our team, locked by the caller: what escalating it reads of it. */
interface EscalationRequest {
  question: Pick<QuestionEntity, 'id' | 'categoryId' | 'authorId' | 'status'>;
  reason: EscalationReason;
  actorId: string | null;
  note: string | null;
}

export type StaffQueueItem = StaffQueueRow & { timeLeftSeconds: number | null };

/** An escalation with its question, as a mutation returns it (who asked decides who reads the needs-info note). */
export interface EscalationOfQuestion {
  escalation: EscalationEntity;
  question: QuestionEntity;
}

/**
 * The staff fallback: escalating a question (by the sweep, a moderator or the asker), the staff
 * clock in business hours with pauses while waiting on the asker, assignment, breaches, and the way
 * back to the community. It also reacts to thread events inside the transaction that caused them.
 */
@Injectable()
export class EscalationService implements OnModuleInit, DomainEventHandler {
  private readonly logger = new Logger('EscalationSweep');

  constructor(
    private readonly transactions: Transactions,
    private readonly escalations: EscalationRepository,
    private readonly queue: StaffQueueRepository,
    private readonly questions: QuestionsRepository,
    private readonly categories: CategoriesRepository,
    private readonly users: UsersRepository,
    private readonly communityClock: CommunityClock,
    private readonly events: DomainEvents,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One page of the staff queue, soonest deadline first, with the business time each escalation has left. */
  async staffQueue(filter: StaffQueueFilter, first: number, after: string | null): Promise<Connection<StaffQueueItem>> {
    const { rows, total } = await this.queue.page(filter, first, after ? decodeCursor(after) : null);
    const now = this.clock.now();
    return toConnection(rows, first, total, (row) => this.queue.keyOf(row), (row) => ({
      ...row,
      timeLeftSeconds: row.escalation.staffDueAt ? businessMillisRemaining(now, row.escalation.staffDueAt, row.category.businessCalendar) / 1000 : null,
    }));
  }

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  async handle(em: EntityManager, event: DomainEvent): Promise<void> {
    switch (event.type) {
      case 'question.asked': {
        await this.questions.markFirstQuestion(em, event.questionId, event.authorId);
        return this.communityClock.refresh(em, event.questionId);
      }
      case 'answer.posted': {
        if (event.authorKind === 'STAFF') return this.recordStaffResponse(em, event.questionId, event.authorId, event.at);
        // The asker answering themself is not the community helping.
        if (!(await this.questions.markPeerAnswered(em, event.questionId, event.authorId))) return;
        return this.communityClock.refresh(em, event.questionId);
      }
      case 'comment.posted':
      case 'private_message.sent': {
        if (event.authorKind === 'STAFF') return this.recordStaffResponse(em, event.questionId, event.authorId, event.at);
        const commentId = event.type === 'comment.posted' ? event.commentId : null;
        return this.resumeIfAskerReplied(em, event.questionId, event.authorId, event.at, commentId);
      }
      case 'question.edited':
        return this.resumeIfAskerReplied(em, event.questionId, event.editorId, event.at, null);
      case 'answer.accepted': {
        const open = await this.escalations.lockOpen(em, event.questionId);
        if (open) await this.close(em, open, 'SOLVED', event.acceptedBy, null, event.at);
        return this.communityClock.refresh(em, event.questionId);
      }
      case 'question.resolved_privately': {
        const open = await this.escalations.lockOpen(em, event.questionId);
        if (open) await this.close(em, open, 'SOLVED', event.resolvedBy, null, event.at, 'RESOLVED_PRIVATELY');
        const question = await this.questions.getById(em, event.questionId);
        await this.questions.setStatus(em, event.questionId, nextThreadStatus(question.status, { type: 'RESOLVED_PRIVATELY' }));
        return this.communityClock.refresh(em, event.questionId);
      }
      case 'acceptance.withdrawn':
        return this.communityClock.refresh(em, event.questionId);
      case 'question.marked_duplicate': {
        // Staff do not work on a duplicate: the answer belongs on the original.
        const open = await this.escalations.lockOpen(em, event.questionId);
        if (open) {
          await this.close(em, open, 'CLOSED', event.markedBy, `Duplicate of question ${event.originalId}`, event.at, 'DUPLICATE');
        }
        return this.communityClock.refresh(em, event.questionId);
      }
      case 'question.closed':
      case 'question.deleted': {
        // Like a duplicate: staff do not work on a question a moderator closed or removed.
        const open = await this.escalations.lockOpen(em, event.questionId);
        const [actorId, reason] = event.type === 'question.closed' ? [event.closedBy, event.reason] : [event.deletedBy, 'DELETED'];
        if (open) await this.close(em, open, 'CLOSED', actorId, null, event.at, reason);
        return this.communityClock.refresh(em, event.questionId);
      }
      case 'question.duplicate_unmarked':
      case 'question.reopened':
      case 'question.moved': // the new category's peer windows and calendar
        return this.communityClock.refresh(em, event.questionId);
      case 'question.answers_merged':
        await this.communityClock.refresh(em, event.fromQuestionId);
        return this.communityClock.refresh(em, event.questionId);
      default:
        return;
    }
  }

  /** Escalates a locked question by hand. The caller holds the question's row lock. */
  async escalate(
    em: EntityManager,
    question: QuestionEntity,
    reason: EscalationReason,
    actorId: string | null,
    note: string | null,
    now: Date,
  ): Promise<EscalationEntity> {
    if (await this.escalations.hasOpen(em, question.id)) throw conflict('This question is already with our team.');
    const [escalation] = await this.escalateMany(em, [{ question, reason, actorId, note }], now);
    if (!escalation) throw conflict('This question is already with our team.');
    return this.escalations.findByIdOrFail(em, escalation.id);
  }

  /**
   * Escalates locked questions in a few set-based statements (the sweep's path, and the hand path with
   * one question). A question whose state forbids it, that already has an open escalation, or that had
   * this timeout once (the unique indexes) is left out; every requested question's community clock stops.
   */
  async escalateMany(
    em: EntityManager,
    requests: EscalationRequest[],
    now: Date,
  ): Promise<InsertedEscalation[]> {
    const allowed = requests.filter(({ question }) => {
      try {
        return nextThreadStatus(question.status, { type: 'ESCALATED' }) === 'ESCALATED';
      } catch (error) {
        if (requests.length === 1) throw error;
        return false;
      }
    });
    const escalations = await this.insertEscalations(em, allowed, now);
    // Whatever was escalated, every requested question's community clock has done its work.
    await this.questions.stopCommunityClocks(em, requests.map((r) => r.question.id), escalations.map((e) => e.questionId));
    if (escalations.length === 0) return [];
    const questions = new Map(allowed.map((r) => [r.question.id, r.question]));
    await this.events.publish(em, {
      type: 'questions.escalated',
      escalations: escalations.map((e) => {
        const question = questions.get(e.questionId)!;
        return { questionId: question.id, categoryId: question.categoryId, askerId: question.authorId, reason: e.reason, staffDueAt: e.staffDueAt };
      }),
      at: now,
    });
    return escalations;
  }

  /** The escalations of these questions, each with its category's deadline; those the unique indexes refuse are left out. */
  private async insertEscalations(
    em: EntityManager,
    requests: EscalationRequest[],
    now: Date,
  ): Promise<InsertedEscalation[]> {
    if (requests.length === 0) return [];
    const categories = await this.categories.findManyById(em, [...new Set(requests.map((r) => r.question.categoryId))]);
    // Every question of a category escalated at `now` has the same deadline: worked out once per category.
    const dueAt = new Map([...categories.values()].map((c) => [c.id, addBusinessHours(now, c.staffResponseHours, c.businessCalendar)]));
    return this.escalations.insertMany(em, requests.map(({ question, reason, actorId, note }) => ({
      questionId: question.id, reason, note, escalatedBy: actorId, escalatedAt: now,
      staffResponseHours: categories.get(question.categoryId)!.staffResponseHours, staffDueAt: dueAt.get(question.categoryId)!,
    })));
  }

  /** A moderator (or staff) sends a question to staff at any time, saying why; recorded in the audit log. */
  async escalateByHand(viewer: Viewer, questionId: string, note: string): Promise<EscalationOfQuestion> {
    if (!note.trim()) throw validationFailed([{ field: 'reason', message: 'Say why this needs our team, for whoever picks it up.' }]);
    return this.withQuestion(questionId, async (em, question, now) => {
      const escalation = await this.escalate(em, question, 'MODERATOR', viewer.id, note.trim(), now);
      await this.audit.record(em, {
        actorId: viewer.id, action: 'QUESTION_ESCALATED', targetType: 'QUESTION', targetId: question.id,
        before: { status: question.status }, after: { status: 'ESCALATED', escalationId: escalation.id, staffDueAt: escalation.staffDueAt?.toISOString() ?? null },
        reason: note.trim(), at: now,
      });
      return { escalation, question };
    });
  }

  /** The asker calls for staff once the peer window has passed without an accepted answer. */
  async requestStaffHelp(viewer: Viewer, questionId: string): Promise<EscalationOfQuestion> {
    return this.withQuestion(questionId, async (em, question, now) => {
      if (question.authorId !== viewer.id) throw forbidden('Only the person who asked can call for our team here; moderators can escalate any question.');
      const category = await this.categories.findOrFail(em, question.categoryId);
      const facts = { askedAt: question.createdAt, isFirstQuestion: question.isFirstQuestion, hasAcceptedAnswer: question.acceptedAnswerId !== null };
      if (!askerMayRequestStaff(category, facts, now)) {
        const hours = peerWindowHoursFor(category, question.isFirstQuestion);
        throw conflict(`The community gets ${hours} hours to help first; you can ask our team after that if nothing has solved it.`);
      }
      return { escalation: await this.escalate(em, question, 'ASKER_REQUEST', viewer.id, null, now), question };
    });
  }

  async assign(viewer: Viewer, questionId: string, assigneeId: string): Promise<EscalationOfQuestion> {
    return this.withOpenEscalation(questionId, async (em, escalation, now) => {
      const assignee = await this.users.findById(em, checkId(assigneeId, 'user'));
      if (!assignee || !can(assignee.role, 'handle_escalation')) {
        throw validationFailed([{ field: 'userId', message: 'Escalations can only be assigned to a member of staff.' }]);
      }
      await this.escalations.setAssignee(em, escalation.id, assignee.id);
      await this.escalations.recordEvent(em, escalation, 'ASSIGNED', now, { actorId: viewer.id, note: assignee.id });
      await this.audit.record(em, {
        actorId: viewer.id, action: assignee.id === viewer.id ? 'ESCALATION_CLAIMED' : 'ESCALATION_ASSIGNED', targetType: 'QUESTION', targetId: questionId,
        before: { escalationId: escalation.id, assigneeId: escalation.assigneeId }, after: { escalationId: escalation.id, assigneeId: assignee.id }, at: now,
      });
      await this.events.publish(em, { type: 'escalation.assigned', questionId, assigneeId: assignee.id, assignedBy: viewer.id, at: now });
    });
  }

  async release(viewer: Viewer, questionId: string): Promise<EscalationOfQuestion> {
    return this.withOpenEscalation(questionId, async (em, escalation, now) => {
      if (!escalation.assigneeId) throw conflict('Nobody has this escalation.');
      await this.escalations.setAssignee(em, escalation.id, null);
      await this.escalations.recordEvent(em, escalation, 'RELEASED', now, { actorId: viewer.id });
      await this.audit.record(em, {
        actorId: viewer.id, action: 'ESCALATION_RELEASED', targetType: 'QUESTION', targetId: questionId,
        before: { escalationId: escalation.id, assigneeId: escalation.assigneeId }, after: { escalationId: escalation.id, assigneeId: null }, at: now,
      });
    });
  }

  /**
   * Waiting on the asker: the staff clock stops until they reply (a comment, an edit or a private message). The
   * note is what the asker must act on, so it is required; they see it on the question and are told of it.
   */
  async markNeedsInfo(viewer: Viewer, questionId: string, note: string): Promise<EscalationOfQuestion> {
    const request = note.trim();
    if (!request) throw validationFailed([{ field: 'note', message: 'Say what the asker should tell us: they see this note and act on it.' }]);
    if ([...request].length > LIMITS.commentBody.max) {
      throw validationFailed([{ field: 'note', message: `Keep the note within ${LIMITS.commentBody.max} characters.` }]);
    }
    return this.withOpenEscalation(questionId, async (em, escalation, now, question) => {
      if (escalation.pausedSince) throw conflict('This escalation is already waiting on the asker.');
      await this.escalations.pause(em, escalation.id, now, { note: request, askedBy: viewer.id });
      await this.escalations.recordEvent(em, escalation, 'NEEDS_INFO', now, { actorId: viewer.id, note: request });
      await this.audit.record(em, {
        actorId: viewer.id, action: 'ESCALATION_NEEDS_INFO', targetType: 'QUESTION', targetId: questionId,
        before: { escalationId: escalation.id, waitingOnAsker: false }, after: { escalationId: escalation.id, waitingOnAsker: true }, reason: request, at: now,
      });
      await this.events.publish(em, { type: 'escalation.needs_info', questionId, askerId: question.authorId, note: request, askedBy: viewer.id, at: now });
    });
  }

  async returnToCommunity(viewer: Viewer, questionId: string, reason: string): Promise<EscalationOfQuestion> {
    if (!reason.trim()) throw validationFailed([{ field: 'reason', message: 'Say why this goes back to the community.' }]);
    return this.withOpenEscalation(questionId, async (em, escalation, now) => {
      await this.close(em, escalation, 'RETURNED_TO_COMMUNITY', viewer.id, reason.trim(), now);
      const question = await this.questions.getById(em, questionId);
      const status = nextThreadStatus(question.status, {
        type: 'RETURNED_TO_COMMUNITY', answerCount: question.answerCount, hasAcceptedAnswer: question.acceptedAnswerId !== null,
      });
      await this.questions.setStatus(em, questionId, status);
      await this.audit.record(em, {
        actorId: viewer.id, action: 'ESCALATION_RETURNED_TO_COMMUNITY', targetType: 'QUESTION', targetId: questionId,
        before: { escalationId: escalation.id, status: question.status }, after: { escalationId: escalation.id, status }, reason: reason.trim(), at: now,
      });
      await this.communityClock.refresh(em, questionId);
      await this.events.publish(em, { type: 'question.returned_to_community', questionId, returnedBy: viewer.id, at: now });
    });
  }

  /** The first staff answer, comment or private message on an open escalation; after the deadline it is also a breach. */
  private async recordStaffResponse(em: EntityManager, questionId: string, responderId: string, at: Date): Promise<void> {
    const escalation = await this.escalations.lockOpen(em, questionId);
    if (!escalation || escalation.firstStaffResponseAt) return;
    await this.escalations.setFirstStaffResponse(em, escalation.id, at, responderId);
    await this.escalations.recordEvent(em, escalation, 'STAFF_RESPONDED', at);
    if (!escalation.breachedAt && isLateResponse(escalation.staffDueAt, at)) await this.recordBreaches(em, [escalation], at);
  }

  /**
   * One batch of the sweep: escalates up to `limit` questions whose community deadline has passed, in
   * one short transaction; `claimed` 0 means none was due. Returns the questions escalated.
   */
  escalateDueBatch(limit: number): Promise<BatchResult> {
    return this.transactions.run(async (em) => {
      const now = this.clock.now();
      const due = await this.questions.claimCommunityDue(em, now, limit);
      const escalated = await this.escalateMany(
        em, due.map((question) => ({ question, reason: question.communityDueTrigger!, actorId: null, note: null })), now);
      if (escalated.length < due.length) this.logger.warn(`${due.length - escalated.length} due questions could not be escalated; their clocks stopped`);
      return { claimed: due.length, done: escalated.map((e) => e.questionId) };
    });
  }

  /** One batch of the sweep: records the breach of up to `limit` staff deadlines missed; returns their questions. */
  breachDueBatch(limit: number): Promise<BatchResult> {
    return this.transactions.run(async (em) => {
      const now = this.clock.now();
      const due = await this.escalations.claimBreachDue(em, now, limit);
      await this.recordBreaches(em, due, now);
      return { claimed: due.length, done: due.map((e) => e.questionId) };
    });
  }

  /** Marks breaches as of the deadlines that were missed, in a few statements for any number; told to managers. */
  private async recordBreaches(em: EntityManager, escalations: EscalationEntity[], now: Date): Promise<void> {
    if (escalations.length === 0) return;
    await this.escalations.markBreached(em, escalations.map((e) => e.id), now);
    await this.events.publish(em, {
      type: 'escalations.breached', breaches: escalations.map((e) => ({ questionId: e.questionId, staffDueAt: e.staffDueAt! })), at: now,
    });
  }

  /**
   * The one way back from waiting on the asker: when `actorId` is the asker and the escalation waits on them, the
   * staff clock resumes and whoever works it is told (`escalation.asker_replied`). Comments (`commentId`) and
   * edits of the question come here from their events; a private message to staff calls it too (inside its
   * transaction, the question row locked or not yet touched).
   */
  async resumeIfAskerReplied(em: EntityManager, questionId: string, actorId: string, at: Date, commentId: string | null): Promise<void> {
    const question = await this.questions.getById(em, questionId);
    if (question.authorId !== actorId) return;
    const escalation = await this.escalations.lockOpen(em, questionId);
    if (!escalation?.pausedSince) return;
    await this.escalations.closePause(em, escalation.id, at);
    const category = await this.categories.findOrFail(em, question.categoryId);
    const pauses = await this.escalations.pauses(em, escalation.id);
    const dueAt = staffDueAt(escalation.escalatedAt, escalation.staffResponseHours, category.businessCalendar, pauses);
    await this.escalations.resume(em, escalation.id, dueAt, at, commentId);
    await this.escalations.recordEvent(em, escalation, 'RESUMED', at, { actorId });
    await this.events.publish(em, {
      type: 'escalation.asker_replied', questionId, categoryId: question.categoryId, askerId: actorId, assigneeId: escalation.assigneeId, at,
    });
  }

  /** `eventReason` says why in the history when the close reason alone does not (a CLOSED question: DUPLICATE). */
  private async close(
    em: EntityManager,
    escalation: EscalationEntity,
    closeReason: EscalationCloseReason,
    actorId: string | null,
    note: string | null,
    at: Date,
    eventReason: string | null = null,
  ): Promise<void> {
    if (escalation.pausedSince) await this.escalations.closePause(em, escalation.id, at);
    await this.escalations.close(em, escalation.id, closeReason, at);
    await this.escalations.recordEvent(em, escalation, closeReason, at, { actorId, note, reason: eventReason });
  }

  private async withQuestion<T>(questionId: string, work: (em: EntityManager, question: QuestionEntity, now: Date) => Promise<T>): Promise<T> {
    return this.transactions.run(async (em) => {
      const question = await this.questions.lockLive(em, checkId(questionId, 'question'));
      if (!question) throw await missing(em, QuestionEntity, 'question', questionId);
      return work(em, question, this.clock.now());
    });
  }

  /** Locks the question, then its open escalation (always in that order, like every other writer). */
  private async withOpenEscalation(
    questionId: string,
    work: (em: EntityManager, escalation: EscalationEntity, now: Date, question: QuestionEntity) => Promise<void>,
  ): Promise<EscalationOfQuestion> {
    return this.withQuestion(questionId, async (em, question, now) => {
      const escalation = await this.escalations.lockOpen(em, question.id);
      if (!escalation) throw conflict('This question is not with our team right now.');
      await work(em, escalation, now, question);
      return { escalation: await this.escalations.findByIdOrFail(em, escalation.id), question };
    });
  }
}
