import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { PostRevisionEntity } from './post-revision.entity';

@ObjectType('PostRevision', { description: "One edit of a post: who made it, when and why, and the text the post had before it." })
export class PostRevisionModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'When the edit was made.' })
  editedAt!: Date;

  @Field(() => String, { nullable: true, description: "Why: required of a moderator editing someone else's post." })
  reason!: string | null;

  @Field(() => String, { nullable: true, description: 'The title before the edit (questions only).' })
  previousTitle!: string | null;

  @Field({ description: 'The Markdown body before the edit.' })
  previousBody!: string;

  @Field(() => [String], { nullable: true, description: 'The tags before the edit (questions only).' })
  previousTags!: string[] | null;

  // Resolved by a field resolver (not in the schema); null once the editor's account is gone.
  editorId!: string | null;
}

export function toPostRevisionModel(revision: PostRevisionEntity): PostRevisionModel {
  return {
    id: revision.id,
    editedAt: revision.createdAt,
    reason: revision.reason,
    previousTitle: revision.title,
    previousBody: revision.body,
    previousTags: revision.tags,
    editorId: revision.editorId,
  };
}
