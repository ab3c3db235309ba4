import { Field, ID, ObjectType } from '@nestjs/graphql';
import { GraphQLJSONObject } from '../common/json.scalar';
import type { AuditLogEntity } from './audit-log.entity';

@ObjectType('AuditLogEntry')
export class AuditLogEntryModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID, { nullable: true })
  actorId!: string | null;

  @Field()
  action!: string;

  @Field()
  targetType!: string;

  @Field(() => ID)
  targetId!: string;

  @Field(() => GraphQLJSONObject, { nullable: true })
  before!: Record<string, unknown> | null;

  @Field(() => GraphQLJSONObject, { nullable: true })
  after!: Record<string, unknown> | null;

  @Field(() => String, { nullable: true, description: "Why, in the actor's words, when the action takes one." })
  reason!: string | null;

  @Field()
  createdAt!: Date;
}

export function toAuditLogEntryModel(entry: AuditLogEntity): AuditLogEntryModel {
  return { ...entry };
}
