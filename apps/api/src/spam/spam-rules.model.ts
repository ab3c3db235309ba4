import { Field, ObjectType } from '@nestjs/graphql';
import type { SpamRules } from '@peerdesk/domain';

@ObjectType('SpamRules', { description: 'What the spam checks hold a post for, besides links and repeats: blocked words and link domains (admins only).' })
export class SpamRulesModel {
  @Field(() => [String], { description: 'Words and phrases, lower case; a post holding one as a whole word waits for a moderator.' })
  words!: string[];

  @Field(() => [String], { description: 'Link domains, lower case; a post linking to one (or a subdomain) waits for a moderator.' })
  domains!: string[];
}

export function toSpamRulesModel(rules: SpamRules): SpamRulesModel {
  return { words: [...rules.words], domains: [...rules.domains] };
}
