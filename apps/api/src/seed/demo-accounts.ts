/**
 * The demo's sign-in accounts, one or more per role, with what each is for. `npm start` prints them and
 * the README's table lists them; the demo seeder creates them (all with DEMO_PASSWORD).
 */
export const DEMO_PASSWORD = 'peerdesk-demo';

export interface DemoAccount {
  email: string;
  role: 'MEMBER' | 'MODERATOR' | 'STAFF' | 'MANAGER' | 'ADMIN';
  affiliation: 'COMMUNITY' | 'EMPLOYEE';
  /** What to try when signed in as this account. */
  tryThis: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: 'siobhan@example.com', role: 'MEMBER', affiliation: 'COMMUNITY', tryThis: 'ask a question, accept an answer, read your notifications' },
  { email: 'aoife@example.com', role: 'MEMBER', affiliation: 'COMMUNITY', tryThis: 'a community superuser: answer questions, see your reputation on your profile' },
  { email: 'fergal@example.com', role: 'MODERATOR', affiliation: 'COMMUNITY', tryThis: 'a volunteer moderator: the moderation console, escalate or mark a duplicate' },
  { email: 'niamh@example.com', role: 'STAFF', affiliation: 'EMPLOYEE', tryThis: 'the staff queue: claim an escalation, ask the customer for information, answer' },
  { email: 'sarah@example.com', role: 'MANAGER', affiliation: 'EMPLOYEE', tryThis: 'the deflection report over the last year, search gaps' },
  { email: 'admin@example.com', role: 'ADMIN', affiliation: 'EMPLOYEE', tryThis: 'roles and affiliations, categories and their staff windows, the announcement' },
];
