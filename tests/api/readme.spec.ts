import { readFileSync } from 'node:fs';
import { AUDIT_ACTION_NAMES, AUDIT_ACTIONS, DEFAULT_RATE_RULES, threadStatusDiagram } from '@peerdesk/domain';

describe('README', () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

  it('opens with the two commands a newcomer needs', () => {
    const firstBlock = readme.split('```')[1];
    expect(firstBlock).toContain('npm install && npm start');
    expect(firstBlock).toContain('npm test');
  });

  it('draws the thread state machine exactly as the domain defines it', () => {
    expect(readme).toContain(`\`\`\`mermaid\n${threadStatusDiagram().trim()}\n\`\`\``);
  });

  it('documents every environment variable the configuration reads', () => {
    const configSource = readFileSync(new URL('../../apps/api/src/config/config.ts', import.meta.url), 'utf8');
    const variables = [...configSource.matchAll(/read\.\w+\('([A-Z_]+)'/g)].map((m) => m[1]);
    expect(variables.length).toBeGreaterThan(5);
    for (const variable of variables) expect(readme).toContain(`\`${variable}\``);
  });

  it('lists every rate limit', () => {
    for (const name of Object.keys(DEFAULT_RATE_RULES)) expect(readme).toContain(`\`${name}\``);
  });

  it('lists every audit action with its target in the Audit log section', () => {
    const section = readme.slice(readme.indexOf('## Audit log'), readme.indexOf('\n## ', readme.indexOf('## Audit log') + 1));
    for (const action of AUDIT_ACTION_NAMES) expect(section).toContain(`| \`${action}\` | ${AUDIT_ACTIONS[action].targets.join(', ')} |`);
  });

  it('lists every error code in its Errors section', () => {
    const errorsSource = readFileSync(new URL('../../packages/domain/src/errors.ts', import.meta.url), 'utf8');
    const union = errorsSource.slice(errorsSource.indexOf('export type ErrorCode'), errorsSource.indexOf(';', errorsSource.indexOf('export type ErrorCode')));
    const codes = [...union.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]);
    expect(codes).toContain('FORBIDDEN_ORIGIN');
    const section = readme.slice(readme.indexOf('## Errors'), readme.indexOf('\n## ', readme.indexOf('## Errors') + 1));
    for (const code of codes) expect(section).toContain(`| \`${code}\` |`);
  });
});
