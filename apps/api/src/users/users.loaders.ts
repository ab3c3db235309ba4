import { Injectable } from '@nestjs/common';
import type { LoaderDefinition } from '../common/loaders';
import type { UserEntity } from './user.entity';
import { UsersRepository } from './users.repository';

/** Users by id: every author, actor and assignee a page shows. */
@Injectable()
export class UserLoader implements LoaderDefinition<string, UserEntity | null> {
  constructor(private readonly users: UsersRepository) {}

  batch(ids: readonly string[]): Promise<Array<UserEntity | null>> {
    return this.users.findByIds(ids);
  }
}
