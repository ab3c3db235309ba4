import { registerEnumType } from '@nestjs/graphql';
import { AFFILIATIONS, AUTHOR_KINDS, CLOSE_REASONS, REPUTATION_KINDS, ROLES, THREAD_STATUSES, TRUST_LEVELS } from '@peerdesk/domain';

/** GraphQL enums are made from the domain's lists, so the schema never drifts from the rules. */
export function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const RoleEnum = enumOf(ROLES);
export const AffiliationEnum = enumOf(AFFILIATIONS);
export const AuthorKindEnum = enumOf(AUTHOR_KINDS);
export const TrustLevelEnum = enumOf(TRUST_LEVELS);
export const ReputationKindEnum = enumOf(REPUTATION_KINDS);
export const ThreadStatusEnum = enumOf(THREAD_STATUSES);
export const CloseReasonEnum = enumOf(CLOSE_REASONS);
export const VoteTargetTypeEnum = enumOf(['QUESTION', 'ANSWER'] as const);
/** What a comment is on; the same values as VoteTargetType, under a name that fits every kind of post reference. */
export const PostTargetTypeEnum = enumOf(['QUESTION', 'ANSWER'] as const);
export type PostTargetType = keyof typeof PostTargetTypeEnum;
export const QuestionOrderEnum = enumOf(['NEWEST', 'ACTIVITY', 'SCORE'] as const);
export type QuestionOrder = keyof typeof QuestionOrderEnum;

registerEnumType(RoleEnum, { name: 'Role', description: 'What a user may do (the capability table in @peerdesk/domain).' });
registerEnumType(AffiliationEnum, {
  name: 'Affiliation',
  description: 'Who a user is: a customer from the community or an employee. Deflection counts by this, not by role.',
});
registerEnumType(AuthorKindEnum, { name: 'AuthorKind', description: "The author's affiliation when the post was written." });
registerEnumType(TrustLevelEnum, {
  name: 'TrustLevel',
  description: 'What the community has seen of a member, NEW to LEADER: promoted automatically from activity, or set by a moderator (packages/domain/src/trust-levels.ts).',
});
registerEnumType(ReputationKindEnum, { name: 'ReputationKind', description: 'Why a reputation change happened (one row of the ledger).' });
registerEnumType(ThreadStatusEnum, { name: 'ThreadStatus' });
registerEnumType(CloseReasonEnum, {
  name: 'CloseReason',
  description: 'Why a moderator closed a question. DUPLICATE is set by markDuplicate, which names the original; closeQuestion takes the others.',
});
registerEnumType(VoteTargetTypeEnum, { name: 'VoteTargetType' });
registerEnumType(PostTargetTypeEnum, { name: 'PostTargetType', description: 'A question or an answer.' });
registerEnumType(QuestionOrderEnum, { name: 'QuestionOrder' });
