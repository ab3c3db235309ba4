import { apiSources, commonImportsOfFeatures, type Sources, sqlOutsideRepositories, tableWriters } from '../support/source-rules';

/**
 * Who owns what, checked over the API's sources (docs/architecture.md explains the shape): SQL only in
 * repositories, one writer per table, and `common/` importing no feature module. Each rule is first shown
 * to catch a breach in a made-up source, so an empty list below means something.
 */
const at = (findings: Array<{ file: string; line: number; text: string }>) => findings.map((f) => `${f.file}:${f.line} ${f.text}`);

describe('the API keeps one owner per table', () => {
  const sources = apiSources();
  const withFile = (file: string, text: string): Sources => new Map([...sources, [file, text]]);

  it('finds data access outside a repository in a made-up service', () => {
    const service = [
      `const rows = await this.db.query('SELECT 1');`,
      `await em.update(QuestionEntity, { id }, { status });`,
      `const user = await this.db.getRepository(UserEntity).findOneBy({ id });`,
    ].join('\n');
    expect(at(sqlOutsideRepositories(withFile('questions/made-up.service.ts', service))).filter((f) => f.startsWith('questions/made-up'))).toHaveLength(3);
    expect(sqlOutsideRepositories(withFile('questions/made-up.repository.ts', service)).filter((f) => f.file.startsWith('questions/made-up'))).toEqual([]);
  });

  it('holds no SQL outside repositories, migrations and .sql files', () => {
    expect(at(sqlOutsideRepositories(sources))).toEqual([]);
  });

  it('finds a second writer of a table in a made-up repository', () => {
    const writers = tableWriters(withFile('answers/made-up.repository.ts', `await em.query('UPDATE questions SET status = $2 WHERE id = $1', [id, status]);`));
    expect([...writers.get('questions')!]).toContain('answers/made-up.repository.ts');
    expect(writers.get('questions')!.size).toBeGreaterThan(1);
  });

  it('has one writer for every table', () => {
    const shared = [...tableWriters(sources)].filter(([, files]) => files.size > 1).map(([table, files]) => `${table}: ${[...files].sort().join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('writes questions from questions.repository.ts alone', () => {
    expect([...tableWriters(sources).get('questions') ?? []]).toEqual(['questions/questions.repository.ts']);
  });

  it('finds a feature import in a made-up common file', () => {
    expect(commonImportsOfFeatures(withFile('common/made-up.ts', `import { QuestionEntity } from '../questions/question.entity';`))
      .map((f) => f.file)).toContain('common/made-up.ts');
  });

  it('keeps common/ free of feature modules', () => {
    expect(at(commonImportsOfFeatures(sources))).toEqual([]);
  });
});
