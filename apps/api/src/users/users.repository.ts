import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { UserEntity } from './user.entity';

/** The one owner of the `users` table: every read and write of it goes through these methods. */
@Injectable()
export class UsersRepository {
  constructor(private readonly db: DataSource) {}

  /** The users with these ids, in the order asked, null where there is none (for per-request batching). */
  async findByIds(ids: readonly string[]): Promise<Array<UserEntity | null>> {
    const rows = await this.db.getRepository(UserEntity).findBy({ id: In([...ids]) });
    const found = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  }
}
