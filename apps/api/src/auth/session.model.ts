import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Viewer } from '../common/viewer';
import type { SessionRow } from './sessions.repository';

@ObjectType('Session', { description: 'One place the viewer is signed in.' })
export class SessionModel {
  @Field(() => ID)
  id!: string;

  @Field()
  createdAt!: Date;

  @Field({ description: 'Within a minute.' })
  lastUsedAt!: Date;

  @Field()
  expiresAt!: Date;

  @Field(() => String, { nullable: true, description: 'The browser that signed in, as it described itself.' })
  userAgent!: string | null;

  @Field({ description: 'True for the session this request came with.' })
  current!: boolean;
}

export function toSessionModel(row: SessionRow, viewer: Viewer): SessionModel {
  return {
    id: row.id,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    expiresAt: row.expiresAt,
    userAgent: row.userAgent,
    current: row.tokenHash === viewer.sessionTokenHash,
  };
}
