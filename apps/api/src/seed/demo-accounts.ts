import type { TrustLevel } from '@peerdesk/domain';

/**
 * The demo's sign-in accounts, one or more per role, with what each is for. `npm start` prints them and
 * the README's table lists them; the demo seeder creates them (all with DEMO_PASSWORD), and the demo's
 * content names them by `key`.
 */
export const DEMO_PASSWORD = 'peerdesk-demo';

export interface DemoAccount {
  /** How the demo content names this person. */
  key: string;
  email: string;
  displayName: string;
  role: 'MEMBER' | 'MODERATOR' | 'STAFF' | 'MANAGER' | 'ADMIN';
  affiliation: 'COMMUNITY' | 'EMPLOYEE';
  /** What to try when signed in as this account. */
  tryThis: string;
  /** The level a year in the community would have earned; unset: MEMBER. */
  trustLevel?: TrustLevel;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  {
    key: 'siobhan', email: 'siobhan@example.com', displayName: 'Siobhán Kelly', role: 'MEMBER', affiliation: 'COMMUNITY',
    tryThis: 'a customer: read your unread notifications, accept an answer on your question, ask a new one',
  },
  {
    key: 'aoife', email: 'aoife@example.com', displayName: 'Aoife Brennan', role: 'MEMBER', affiliation: 'COMMUNITY', trustLevel: 'REGULAR',
    tryThis: 'a community superuser: answer open questions, see your reputation and accepted answers on your profile',
  },
  {
    key: 'fergal', email: 'fergal@example.com', displayName: 'Fergal Byrne', role: 'MODERATOR', affiliation: 'COMMUNITY', trustLevel: 'LEADER',
    tryThis: 'a volunteer moderator: the moderation console, escalate a question, mark a duplicate',
  },
  {
    key: 'niamh', email: 'niamh@example.com', displayName: 'Niamh (Brightwave Support)', role: 'STAFF', affiliation: 'EMPLOYEE',
    tryThis: 'the staff queue: claim a waiting escalation, answer it, see the breached one and the one waiting on the customer',
  },
  {
    key: 'sarah', email: 'sarah@example.com', displayName: 'Sarah Quinn (Community Manager)', role: 'MANAGER', affiliation: 'EMPLOYEE',
    tryThis: 'the deflection report over the last 12 months, search gaps',
  },
  {
    key: 'admin', email: 'admin@example.com', displayName: 'Site Admin', role: 'ADMIN', affiliation: 'EMPLOYEE',
    tryThis: 'roles and affiliations, categories and their staff windows, the announcement',
  },
];
