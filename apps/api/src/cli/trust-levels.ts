import { AuditLogRepository } from '../audit/audit-log.repository';
import { AuditService } from '../audit/audit.service';
import { SystemClock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { TrustLevelsService } from '../trust/trust-levels.service';
import { TrustRepository } from '../trust/trust.repository';
import { UsersRepository } from '../users/users.repository';
import { configOrExit, log, openDatabase, runCli } from './runtime';

/** `npm run trust-levels`: re-evaluates every member's trust level now (after changing the TRUST_* thresholds, say); levels locked by hand stay. */
runCli(async () => {
  const config = configOrExit();
  const database = await openDatabase(config);
  try {
    const db = database.dataSource;
    const service = new TrustLevelsService(new TrustRepository(db), new UsersRepository(db), new AuditService(new AuditLogRepository(db)), new Transactions(db), new SystemClock(), config,
      { flush: () => Promise.resolve() }); // this process serves no pages: no views are buffered here
    const changes = await service.evaluateAll();
    const moves = new Map<string, number>();
    for (const { from, to } of changes) moves.set(`${from} → ${to}`, (moves.get(`${from} → ${to}`) ?? 0) + 1);
    log(changes.length === 0 ? 'Every trust level is as the rule says.' : `Changed ${changes.length} trust levels: ${[...moves].map(([move, n]) => `${n} ${move}`).join(', ')}`);
  } finally {
    await database.close();
  }
});
