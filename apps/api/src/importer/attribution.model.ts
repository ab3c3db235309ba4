import { Field, ObjectType } from '@nestjs/graphql';

/** Where imported content comes from and under which licence; shown with the post, as CC BY-SA requires. */
@ObjectType('Attribution')
export class AttributionModel {
  @Field({ description: 'The site it was imported from, e.g. french.meta.stackexchange.com.' })
  source!: string;

  @Field({ description: "The original author's display name on that site." })
  authorName!: string;

  @Field({ description: 'The licence it was published under, e.g. "CC BY-SA 4.0".' })
  licence!: string;

  @Field(() => String, { nullable: true, description: 'The original post.' })
  url!: string | null;
}

export interface AttributionRow {
  target_type: 'QUESTION' | 'ANSWER' | 'COMMENT';
  target_id: string;
  source: string;
  author_name: string;
  licence: string;
  url: string | null;
}

export function toAttributionModel(row: AttributionRow): AttributionModel {
  return { source: row.source, authorName: row.author_name, licence: row.licence, url: row.url };
}
