import { Injectable } from '@nestjs/common';
import { Brackets, DataSource, EntityManager, IsNull } from 'typeorm';
import type { PostTargetType } from '../common/enums';
import { CommentEntity } from './comment.entity';

/** A question or an answer, as comments refer to it. */
export interface CommentTarget {
  targetType: PostTargetType;
  targetId: string;
}

export const targetKey = ({ targetType, targetId }: CommentTarget): string => `${targetType}:${targetId}`;

@Injectable()
export class CommentsRepository {
  constructor(private readonly db: DataSource) {}

  findLive(em: EntityManager, id: string): Promise<CommentEntity | null> {
    return em.findOneBy(CommentEntity, { id, deletedAt: IsNull() });
  }

  /** The live comments on each of these posts, oldest first, in one statement (for per-request batching). */
  async liveOn(targets: readonly CommentTarget[]): Promise<CommentEntity[][]> {
    const idsByType = new Map<PostTargetType, string[]>();
    for (const { targetType, targetId } of targets) idsByType.set(targetType, [...(idsByType.get(targetType) ?? []), targetId]);
    const query = this.db
      .getRepository(CommentEntity)
      .createQueryBuilder('c')
      .where('c.deleted_at IS NULL')
      .andWhere(
        new Brackets((w) => {
          [...idsByType].forEach(([targetType, ids], i) =>
            w.orWhere(`c.target_type = :type${i} AND c.target_id = ANY(:ids${i})`, { [`type${i}`]: targetType, [`ids${i}`]: ids }),
          );
        }),
      )
      .orderBy('c.created_at', 'ASC')
      .addOrderBy('c.id', 'ASC');
    const rows = targets.length ? await query.getMany() : [];
    const byTarget = new Map<string, CommentEntity[]>();
    for (const row of rows) {
      const key = targetKey(row);
      byTarget.set(key, [...(byTarget.get(key) ?? []), row]);
    }
    return targets.map((target) => byTarget.get(targetKey(target)) ?? []);
  }
}
