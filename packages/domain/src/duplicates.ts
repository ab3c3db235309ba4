import { conflict, forbidden, validationFailed } from './errors';
import { type Actor, can } from './roles';
import { type RestrictionColumns, standingOf, suspensionMessage } from './standing';
import { type TrustLevel, trustPrivilegesOf } from './trust-levels';

/**
 * Who may mark a question a duplicate of another and take the mark off: moderators and admins
 * (`moderate_threads`), and members whose trust level allows closing duplicates (`TRUST_ALLOWANCES.closeDuplicates`:
 * LEADER), neither while suspended at `now`. Merging the duplicate's answers stays the moderators'.
 */
export function checkCanCloseDuplicates(actor: Pick<Actor, 'role'> & { trustLevel: TrustLevel } & RestrictionColumns, now: Date): void {
  const refusal = closeDuplicatesRefusal(actor, now);
  if (refusal) throw forbidden(refusal);
}

/** Whether `checkCanCloseDuplicates` lets the actor mark duplicates now (what a page offers them). */
export function canCloseDuplicates(actor: Pick<Actor, 'role'> & { trustLevel: TrustLevel } & RestrictionColumns, now: Date): boolean {
  return closeDuplicatesRefusal(actor, now) === null;
}

function closeDuplicatesRefusal(actor: Pick<Actor, 'role'> & { trustLevel: TrustLevel } & RestrictionColumns, now: Date): string | null {
  if (!can(actor.role, 'moderate_threads') && !trustPrivilegesOf(actor.trustLevel).closeDuplicates) {
    return 'Only moderators and leaders (the highest trust level) can mark a question as a duplicate.';
  }
  // A suspension takes it from moderators and leaders alike.
  const { suspension } = standingOf(actor, now);
  return suspension ? suspensionMessage(suspension) : null;
}

/** The original a duplicate would point to, as the database sees it now. */
export interface DuplicateOriginal {
  id: string;
  deleted: boolean;
  /** The original is itself marked a duplicate of this question, if it is. */
  duplicateOf: string | null;
}

/**
 * A question may be marked a duplicate of another live question that is not itself a duplicate: links are
 * one hop, so the web's redirect never chains or loops. Throws the error a moderator can act on.
 */
export function checkDuplicateTarget(questionId: string, original: DuplicateOriginal): void {
  if (original.id === questionId) {
    throw validationFailed([{ field: 'originalId', message: 'A question cannot be a duplicate of itself.' }]);
  }
  if (original.deleted) {
    throw validationFailed([{ field: 'originalId', message: `Question ${original.id} has been removed; choose a live question as the original.` }]);
  }
  if (original.duplicateOf !== null) {
    throw conflict(`Question ${original.id} is itself a duplicate of question ${original.duplicateOf}; mark this one a duplicate of ${original.duplicateOf} instead.`);
  }
}
