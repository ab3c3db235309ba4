import type { EntityTarget, ObjectLiteral } from 'typeorm';
import { CategoryEntity } from '../../apps/api/src/categories/category.entity';
import { CommentEntity } from '../../apps/api/src/comments/comment.entity';
import { AnswerEntity } from '../../apps/api/src/answers/answer.entity';
import { findInOrder } from '../../apps/api/src/database/plain-rows';
import { ENTITIES } from '../../apps/api/src/entities';
import { QuestionEntity } from '../../apps/api/src/questions/question.entity';
import { UserEntity } from '../../apps/api/src/users/user.entity';
import { TestApp } from '../support/test-app';

// Pages read their rows as plain rows shaped as the entity (database/plain-rows.ts), not through TypeORM's entity
// mapping: both must give the same values, or a field would change on the page without anyone noticing.

/** Column types pg parses as TypeORM hydrates them (bigint stays a string in both). */
const PLAIN_TYPES = new Set(['bigint', 'integer', 'smallint', 'text', 'boolean', 'timestamptz', 'jsonb']);

describe('plain rows', () => {
  let app: TestApp;

  beforeAll(async () => { app = await TestApp.start(); });
  afterAll(async () => { await app.close(); });

  it('holds every entity to column types that pg parses as TypeORM would, with no transformer', () => {
    const odd = ENTITIES.flatMap((entity) => app.db.getMetadata(entity).columns
      .filter((column) => !PLAIN_TYPES.has(String(column.type)) || column.transformer !== undefined)
      .map((column) => `${app.db.getMetadata(entity).tableName}.${column.databaseName} (${String(column.type)})`));
    expect(odd).toEqual([]);
  });

  it("reads a thread's question, answer, comment, author and category as TypeORM's entities hold them, nulls and deleted rows included", async () => {
    const category = await app.category();
    const [asker, helper] = [await app.member(), await app.member()];
    const question = await app.ask(asker, category.id, { tags: ['wifi', 'router'] });
    const answer = await app.answer(helper, question.id);
    const { postComment } = await app.ok<{ postComment: { id: string } }>(
      `mutation ($input: PostCommentInput!) { postComment(input: $input) { id } }`,
      { input: { targetType: 'ANSWER', targetId: answer.id, body: 'Which channel did you pick?' } }, asker);
    await app.ok(`mutation ($id: ID!) { deleteComment(id: $id) }`, { id: postComment.id }, asker);

    const cases: Array<[EntityTarget<ObjectLiteral & { id: string }>, string]> = [
      [QuestionEntity, question.id], [AnswerEntity, answer.id], [CommentEntity, postComment.id], [UserEntity, asker.id], [CategoryEntity, category.id],
    ];
    for (const [entity, id] of cases) {
      const [plain] = await findInOrder(app.db, entity, [id]);
      const mapped = await app.db.getRepository(entity).findOneBy({ id });
      expect(mapped).not.toBeNull();
      // Same keys and values (toStrictEqual would also compare the class, which plain rows do not have).
      expect(plain).toEqual({ ...mapped });
      // A column `find` leaves out (a password hash) is an undefined field of the entity, and no field of the row.
      expect(Object.keys(plain!).sort()).toEqual(Object.keys(mapped!).filter((key) => mapped![key] !== undefined).sort());
    }
  });
});
