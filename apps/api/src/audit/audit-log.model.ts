import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AUDIT_ACTION_NAMES, AUDIT_TARGET_TYPES, type AuditAction, type AuditTargetType } from '@peerdesk/domain';
import { enumOf } from '../common/enums';
import { GraphQLJSONObject } from '../common/json.scalar';
import { ConnectionOf } from '../common/pagination';
import type { AuditLogEntity } from './audit-log.entity';

/** Made from AUDIT_ACTIONS (packages/domain/src/audit-actions.ts), the one list of action names. */
export const AuditActionEnum = enumOf(AUDIT_ACTION_NAMES);
export const AuditTargetTypeEnum = enumOf(AUDIT_TARGET_TYPES);
registerEnumType(AuditActionEnum, { name: 'AuditAction', description: 'Every action the audit log records; the names are stable.' });
registerEnumType(AuditTargetTypeEnum, { name: 'AuditTargetType', description: 'What an audit entry is about.' });

@ObjectType('AuditLogEntry', { description: 'One moderator or admin action: who, when, on what, what it changed and why. Entries are never changed or removed.' })
export class AuditLogEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true, description: 'Null for what the system did by itself.' })
  actorId!: string | null;

  @Field({ description: 'An AuditAction name. A String, not the enum, so an entry written by a newer version still reads.' })
  action!: string;

  @Field({ description: 'An AuditTargetType name.' })
  targetType!: string;

  @Field(() => ID)
  targetId!: string;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'What changed, as it was. An answer or comment entry carries its questionId.' })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'What changed, as it became.' })
  after!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "Why, in the actor's words, for an action that takes a reason." })
  reason!: string | null;

  @Field({ description: 'When it happened.' })
  at!: Date;

  @Field({ deprecationReason: 'Use `at`.' })
  createdAt!: Date;
}

export function toAuditLogEntryModel(entry: AuditLogEntity): AuditLogEntryModel {
  return {
    id: entry.id,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    before: entry.before,
    after: entry.after,
    reason: entry.reason,
    at: entry.createdAt,
    createdAt: entry.createdAt,
  };
}

export const AuditLogConnection = ConnectionOf(AuditLogEntryModel, 'AuditLog');

@InputType()
export class AuditLogFilter {
  @Field(() => ID, { nullable: true, description: 'Only what this user did.' })
  actorId?: string | null;

  @Field(() => AuditActionEnum, { nullable: true })
  action?: AuditAction | null;

  @Field(() => AuditTargetTypeEnum, { nullable: true })
  targetType?: AuditTargetType | null;

  @Field(() => ID, { nullable: true, description: 'Only entries about this target (with targetType, or any kind of target with this id).' })
  targetId?: string | null;

  @Field(() => Date, { nullable: true, description: 'At or after this instant.' })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Before this instant (exclusive).' })
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  filter?: AuditLogFilter | null;

  @Field(() => Int, { defaultValue: 20 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}
