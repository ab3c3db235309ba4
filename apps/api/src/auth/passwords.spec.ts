import { hashPassword, Passwords } from './passwords';
import { loadConfig } from '../config/config';

describe('password hashing', () => {
  it('hashes with argon2id at the library-recommended cost (64 MiB, three passes, four lanes)', async () => {
    expect(await hashPassword('correct horse', 'recommended')).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
  });

  it('hashes at the least cost only when configured so, and a hash of either cost verifies under the other', async () => {
    const least = new Passwords(loadConfig({ NODE_ENV: 'test' }));
    const recommended = new Passwords(loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://u@db/peerdesk' }));
    const cheap = await least.hash('correct horse');
    expect(cheap).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
    expect(await recommended.hash('correct horse')).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
    expect(await recommended.verify(cheap, 'correct horse')).toBe(true);
    expect(await least.verify(await hashPassword('correct horse', 'recommended'), 'correct horse')).toBe(true);
    expect(await least.verify(cheap, 'wrong horse')).toBe(false);
    expect(await least.verify(null, 'correct horse')).toBe(false);
  });
});
