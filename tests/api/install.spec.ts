import { readFileSync } from 'node:fs';
import { minVersion, satisfies } from 'semver';

/**
 * `npm install` on the oldest Node that package.json's `engines` promises must not warn that a package
 * needs a newer one (EBADENGINE): such a package may use what that Node lacks. Reads the lockfile, which
 * is exactly what a clean install puts in node_modules.
 */
const read = (file: string) => JSON.parse(readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8'));

describe('a clean install', () => {
  it('locks only packages that support the oldest Node that package.json promises', () => {
    const oldest = minVersion(read('package.json').engines.node as string)!.version;
    const packages = read('package-lock.json').packages as Record<string, { version?: string; engines?: { node?: unknown } }>;
    const unsupported = Object.entries(packages)
      .filter(([, locked]) => typeof locked.engines?.node === 'string' && !satisfies(oldest, locked.engines.node as string))
      .map(([where, locked]) => `${where}@${locked.version} needs Node ${locked.engines!.node as string}`);
    expect(oldest).toBe('20.19.0');
    expect(unsupported).toEqual([]);
  });
});
