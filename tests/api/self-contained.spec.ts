import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A clone must be complete on its own: no tracked file may reach for data beside the repository (the
 * team's machines have a shared folder there; a newcomer's clone has nothing). Checks every tracked text
 * file for relative paths that climb out of the repository and for absolute paths into home or work
 * folders.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Absolute paths that name somebody's machine rather than the system (`/usr/bin/chromium`, `/tmp` are fine). */
const MACHINE_PATH = /(?<![\w.:/-])\/(?:work|home|root|Users|mnt|srv)\/[\w.-]+/g;
/** `../` chains followed by a name: resolved against the file's own folder. */
const RELATIVE_PATH = /(?<![\w.])((?:\.\.\/)+)[\w@.-]+/g;
/** Path segments passed one by one (`path.join(root, '..', <the shared folder>)`) and the shared data folder by name. */
const SEGMENT_CLIMB = /['"]\.\.['"]\s*,\s*['"]shared['"]|\bshared\/data\b/g;

const TEXT_FILE = /\.(?:ts|js|cjs|mjs|svelte|json|md|ya?ml|sh|graphql|html|css|txt|toml)$|(?:^|\/)(?:Dockerfile|run)$/;

function outsideReferences(file: string, text: string): string[] {
  const found: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    const where = `${file}:${index + 1}`;
    for (const match of line.matchAll(MACHINE_PATH)) found.push(`${where}: ${match[0]}`);
    for (const match of line.matchAll(SEGMENT_CLIMB)) found.push(`${where}: ${match[0]}`);
    for (const match of line.matchAll(RELATIVE_PATH)) {
      const target = path.resolve(ROOT, path.dirname(file), match[0]);
      if (path.relative(ROOT, target).startsWith('..')) found.push(`${where}: ${match[0]}`);
    }
  });
  return found;
}

describe('a clone is complete on its own', () => {
  it('finds a reference outside the repository in a file that has one', () => {
    // The samples are put together here, so that this file itself names no place outside the repository.
    const beside = ['shared', 'data'].join('/');
    expect(outsideReferences('tests/api/x.spec.ts', `new URL('${'../'.repeat(3)}${beside}/x', import.meta.url)`)).toHaveLength(2);
    expect(outsideReferences('README.md', `see \`/${'work'}/${beside}/stackexchange/README.md\``)).toHaveLength(2);
    expect(outsideReferences('apps/api/src/seed/x.ts', `path.join(root, '..', '${'sha' + 'red'}')`)).toHaveLength(1);
    expect(outsideReferences('apps/api/src/seed/x.ts', "import { x } from '../../support/test-app'")).toEqual([]);
    expect(outsideReferences('.ci/run', 'cd "$(dirname "$0")/.."; /usr/bin/chromium --headless')).toEqual([]);
  });

  it('no tracked file refers to a path outside the repository', () => {
    const files = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((file) => TEXT_FILE.test(file) && !file.startsWith('data/') && file !== 'package-lock.json');
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) => outsideReferences(file, readFileSync(path.join(ROOT, file), 'utf8')));
    expect(found).toEqual([]);
  });
});
