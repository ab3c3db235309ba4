import { Module } from '@nestjs/common';
import { SpamRulesRepository } from './spam-rules.repository';
import { SpamRulesResolver } from './spam-rules.resolver';
import { SpamRulesService } from './spam-rules.service';

/** The lists admins edit for the spam checks; the checks themselves run in users/posting-hold.ts. */
@Module({
  providers: [SpamRulesRepository, SpamRulesService, SpamRulesResolver],
  exports: [SpamRulesRepository],
})
export class SpamModule {}
