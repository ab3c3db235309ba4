import { AnswerAcceptanceEntity, AnswerEntity } from '../answers/answer.entity';
import { AuditLogEntity } from '../audit/audit-log.entity';
import { LoginFailureEntity, SessionEntity } from '../auth/session.entity';
import { CategoryEntity } from '../categories/category.entity';
import { QuestionEntity } from '../questions/question.entity';
import { PostRevisionEntity } from '../revisions/post-revision.entity';
import { UserEntity } from '../users/user.entity';
import { VoteEntity } from '../votes/vote.entity';

export const ENTITIES = [
  UserEntity, SessionEntity, LoginFailureEntity, AuditLogEntity, CategoryEntity,
  QuestionEntity, AnswerEntity, AnswerAcceptanceEntity, VoteEntity, PostRevisionEntity,
];
