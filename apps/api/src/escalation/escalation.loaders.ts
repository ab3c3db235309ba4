import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { LoaderDefinition } from '../common/loaders';
import type { EscalationEntity } from './escalation.entity';
import { EscalationRepository } from './escalation.repository';

/** A question's open escalation, else its latest one: the banners of a question list. */
@Injectable()
export class CurrentEscalationLoader implements LoaderDefinition<string, EscalationEntity | null> {
  constructor(
    private readonly escalations: EscalationRepository,
    private readonly db: DataSource,
  ) {}

  batch(questionIds: readonly string[]): Promise<Array<EscalationEntity | null>> {
    return this.escalations.currentForQuestions(this.db.manager, questionIds);
  }
}

/** Per category: the staff team member to suggest for its escalations (the fewest open ones), null without a team. */
@Injectable()
export class SuggestedAssigneeLoader implements LoaderDefinition<string, string | null> {
  constructor(
    private readonly escalations: EscalationRepository,
    private readonly db: DataSource,
  ) {}

  batch(categoryIds: readonly string[]): Promise<Array<string | null>> {
    return this.escalations.leastBusyTeamMembers(this.db.manager, categoryIds);
  }
}
