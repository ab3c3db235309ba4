import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importStackExchange } from '../../apps/api/src/importer/stackexchange-importer';
import { SEARCH_ENGINE, type SearchEngine } from '../../apps/api/src/search/search-engine';
import { TestApp } from '../support/test-app';

const FRENCH_META = fileURLToPath(new URL('../../data/samples/stackexchange/french-meta/', import.meta.url));

type Post = { id: string; type: string; parentId?: string; acceptedAnswerId?: string; owner: string };

/** The dump's posts, read straight from the XML with no code of the importer's. */
function postsFromXml(): Post[] {
  const xml = readFileSync(path.join(FRENCH_META, 'Posts.xml'), 'utf8');
  return [...xml.matchAll(/<row ([^>]*)\/>/g)].map(([, attributes]) => {
    const attr = (name: string) => attributes.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];
    return {
      id: attr('Id')!, type: attr('PostTypeId')!, parentId: attr('ParentId'), acceptedAnswerId: attr('AcceptedAnswerId'),
      // Who wrote it: the user id, or for deleted accounts the display name the dump keeps.
      owner: attr('OwnerUserId') ?? `name:${attr('OwnerDisplayName')}`,
    };
  });
}

describe('deflection report over an imported Stack Exchange community', () => {
  let app: TestApp;
  beforeAll(async () => { app = await TestApp.start(); });
  afterAll(async () => { await app.close(); });

  it('agrees with figures computed directly from the XML, with staff-solved apart from peer-solved', async () => {
    const posts = postsFromXml();
    const questions = posts.filter((p) => p.type === '1');
    const answers = new Map(posts.filter((p) => p.type === '2').map((p) => [p.id, p]));
    // The three most active answerers play the company's staff.
    const answersBy = new Map<string, number>();
    for (const a of answers.values()) if (!a.owner.startsWith('name:')) answersBy.set(a.owner, (answersBy.get(a.owner) ?? 0) + 1);
    const employees = [...answersBy.entries()].sort((a, b) => b[1] - a[1] || Number(a[0]) - Number(b[0])).slice(0, 3).map(([id]) => id);

    const expected = { cohort: questions.length, peer: 0, staff: 0, self: 0 };
    for (const q of questions) {
      const accepted = q.acceptedAnswerId ? answers.get(q.acceptedAnswerId) : undefined;
      if (!accepted || accepted.parentId !== q.id) continue;
      if (accepted.owner === q.owner) expected.self++;
      else if (employees.includes(accepted.owner)) expected.staff++;
      else expected.peer++;
    }
    expect(expected.staff).toBeGreaterThan(0);

    await importStackExchange(app.db, { searchIndex: app.provider<SearchEngine>(SEARCH_ENGINE), dir: FRENCH_META, category: 'community', employees });
    const data = await app.ok<{ deflectionReport: any }>(
      `query { deflectionReport(input: { from: "2000-01-01T00:00:00Z", to: "2030-01-01T00:00:00Z", bucket: "MONTH" }) {
         cohortSize outcomes { outcome count } peerDeflectionRate { numerator denominator } acceptedAnswerRate { numerator denominator } } }`,
      {}, await app.admin());
    const report = data.deflectionReport;
    const count = (outcome: string) => report.outcomes.find((o: any) => o.outcome === outcome).count;
    expect(report.cohortSize).toBe(expected.cohort);
    expect({ peer: count('PEER_SOLVED'), staff: count('STAFF_SOLVED'), self: count('SELF_SOLVED'), afterEscalation: count('PEER_SOLVED_AFTER_ESCALATION') })
      .toEqual({ peer: expected.peer, staff: expected.staff, self: expected.self, afterEscalation: 0 });
    expect(report.peerDeflectionRate).toEqual({ numerator: expected.peer, denominator: expected.cohort });
    expect(report.acceptedAnswerRate).toEqual({ numerator: expected.peer + expected.staff + expected.self, denominator: expected.cohort });
    expect(expected.peer + expected.staff + expected.self).toBe(86);
  });
});
