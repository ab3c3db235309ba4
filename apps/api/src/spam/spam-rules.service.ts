import { Inject, Injectable } from '@nestjs/common';
import { assertValid, normalizeSpamRules, type SpamRules } from '@peerdesk/domain';
import { AuditService } from '../audit/audit.service';
import { CLOCK, type Clock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { SpamRulesRepository } from './spam-rules.repository';

const added = (before: readonly string[], after: readonly string[]) => after.filter((value) => !before.includes(value));

@Injectable()
export class SpamRulesService {
  constructor(
    private readonly repository: SpamRulesRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  rules(): Promise<SpamRules> {
    return this.repository.all();
  }

  /**
   * Replaces both lists with these (normalized: trimmed, lower case, no blanks or duplicates). A change is
   * recorded in the audit log with what was added and removed; setting the same lists records nothing.
   */
  async set(input: { words: readonly string[]; domains: readonly string[] }, actorId: string): Promise<SpamRules> {
    const { rules, errors } = normalizeSpamRules(input);
    assertValid(errors);
    const now = this.clock.now();
    return this.transactions.run(async (em) => {
      const was = await this.repository.lockAll(em);
      const change = {
        wordsAdded: added(was.words, rules.words), wordsRemoved: added(rules.words, was.words),
        domainsAdded: added(was.domains, rules.domains), domainsRemoved: added(rules.domains, was.domains),
      };
      if (Object.values(change).every((values) => values.length === 0)) return was;
      await this.repository.remove(em, 'WORD', change.wordsRemoved);
      await this.repository.remove(em, 'DOMAIN', change.domainsRemoved);
      await this.repository.add(em, 'WORD', change.wordsAdded, now, actorId);
      await this.repository.add(em, 'DOMAIN', change.domainsAdded, now, actorId);
      await this.audit.record(em, {
        actorId, action: 'SPAM_RULES_CHANGED', targetType: 'SPAM_RULES', targetId: '1',
        before: { wordsRemoved: change.wordsRemoved, domainsRemoved: change.domainsRemoved },
        after: { wordsAdded: change.wordsAdded, domainsAdded: change.domainsAdded },
        at: now,
      });
      return rules;
    });
  }
}
