import { ModerationUsersDocument, type Role, type TrustLevel } from '@peerdesk/api-client';
import { isRole, isTrustLevel, ROLES, TRUST_LEVELS } from '@peerdesk/domain';
import { consoleQuery } from '$lib/server/console';
import { GraphQLRequestError } from '$lib/server/graphql';
import type { PageServerLoad } from './$types';

/** The standing filter's choices, as the form's select offers them. */
const STATES = ['suspended', 'silenced', 'active'] as const;
type StateFilter = (typeof STATES)[number];

/**
 * The users list: a GET form (q, role, trust, state, deleted) read here, so a search is a link and needs no
 * JavaScript. Anything typed is a search, never an id look-up: nothing here can end in a 404.
 */
export const load: PageServerLoad = async (event) => {
  const params = event.url.searchParams;
  const q = params.get('q')?.trim() ?? '';
  const roleParam = params.get('role') ?? '';
  const trustParam = params.get('trust') ?? '';
  const stateParam = params.get('state') ?? '';
  const role = isRole(roleParam) ? (roleParam as Role) : null;
  const trustLevel = isTrustLevel(trustParam) ? (trustParam as TrustLevel) : null;
  const state = (STATES as readonly string[]).includes(stateParam) ? (stateParam as StateFilter) : '';
  const includeDeleted = params.get('deleted') === '1';
  const filter = {
    query: q || null,
    role,
    trustLevel,
    suspended: state === 'suspended' ? true : state === 'active' ? false : null,
    silenced: state === 'silenced' ? true : state === 'active' ? false : null,
    includeDeleted,
  };
  const after = params.get('after') || undefined;
  let problem: string | null = null;
  let users = null;
  try {
    users = (await consoleQuery(event, ModerationUsersDocument, { filter, after }, { rethrowInvalid: true })).users;
  } catch (e) {
    if (!(e instanceof GraphQLRequestError) || e.code !== 'VALIDATION_FAILED') throw e;
    // A search too long, or an old "next page" link: say so above an empty list, keep the form.
    problem = (Array.isArray(e.fields) && (e.fields as Array<{ message: string }>)[0]?.message) || e.message;
  }
  const search = new URLSearchParams();
  for (const [name, value] of [['q', q], ['role', role ?? ''], ['trust', trustLevel ?? ''], ['state', state], ['deleted', includeDeleted ? '1' : '']]) {
    if (value) search.set(name, value);
  }
  return {
    filters: { q, role: role ?? '', trust: trustLevel ?? '', state, deleted: includeDeleted },
    problem,
    users: users?.edges.map((edge) => edge.node) ?? [],
    totalCount: users?.totalCount ?? 0,
    nextPage: users?.pageInfo.hasNextPage ? `?${new URLSearchParams([...search, ['after', users.pageInfo.endCursor ?? '']])}` : null,
    firstPage: after ? `?${search}` : null,
    roles: ROLES,
    trustLevels: TRUST_LEVELS,
  };
};
