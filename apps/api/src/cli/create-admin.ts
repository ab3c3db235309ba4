import { assertValid, DomainError, normalizeDisplayName, normalizeEmail, validateRegistration } from '@peerdesk/domain';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { AuditService } from '../audit/audit.service';
import { hashPassword } from '../auth/passwords';
import { SystemClock } from '../common/clock';
import { Transactions } from '../database/transactions';
import { UsersRepository } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { parseArgs } from './args';
import { configOrExit, log, openDatabase, runCli } from './runtime';

runCli(async () => {
  const args = parseArgs(process.argv.slice(2), { values: ['email', 'password', 'name'], flags: [] });
  const email = String(args.email ?? '');
  const password = String(args.password ?? '');
  const displayName = String(args.name ?? 'Administrator');
  try {
    assertValid(validateRegistration({ email, password, displayName }, { reservedAllowed: true }));
  } catch (error) {
    if (error instanceof DomainError) throw new Error(error.fields!.map((f) => `--${f.field === 'displayName' ? 'name' : f.field}: ${f.message}`).join('\n'));
    throw error;
  }
  const config = configOrExit();
  const database = await openDatabase(config);
  try {
    const db = database.dataSource;
    const users = new UsersService(db, new UsersRepository(db), new AuditService(new AuditLogRepository(db)), new Transactions(db), new SystemClock());
    const admin = await db.transaction(async (em) =>
      users.create(em, { email: normalizeEmail(email), displayName: normalizeDisplayName(displayName), passwordHash: await hashPassword(password, config.passwordHashCost), role: 'ADMIN', affiliation: 'EMPLOYEE' }),
    );
    log(`Created admin ${admin.displayName} <${admin.email}> (user ${admin.id})`);
  } finally {
    await database.close();
  }
});
