import { AnswerAcceptanceEntity, AnswerEntity } from './answers/answer.entity';
import { AuditLogEntity } from './audit/audit-log.entity';
import { SessionEntity } from './auth/session.entity';
import { EscalationEntity, EscalationEventEntity, EscalationPauseEntity } from './escalation/escalation.entity';
import { CategoryEntity } from './categories/category.entity';
import { CommentEntity } from './comments/comment.entity';
import { QuestionEntity } from './questions/question.entity';
import { PrivateConversationEntity, PrivateMessageEntity } from './private-conversations/private-conversation.entity';
import { PostRevisionEntity } from './revisions/post-revision.entity';
import { UserEntity } from './users/user.entity';
import { VoteEntity } from './votes/vote.entity';

/** Every feature module's TypeORM entities, listed here beside app.module.ts as the modules are: database/ knows none of them. */
export const ENTITIES = [
  UserEntity, SessionEntity, AuditLogEntity, CategoryEntity,
  QuestionEntity, AnswerEntity, AnswerAcceptanceEntity, VoteEntity, PostRevisionEntity, CommentEntity,
  EscalationEntity, EscalationEventEntity, EscalationPauseEntity,
  PrivateConversationEntity, PrivateMessageEntity,
];
