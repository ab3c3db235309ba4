import { mayReadPrivateConversation, privateMessageRefusal, type PrivateMessageFacts } from './private-conversations';

const asker = { id: '1', affiliation: 'COMMUNITY' as const };
const employee = { id: '2', affiliation: 'EMPLOYEE' as const };
const otherMember = { id: '3', affiliation: 'COMMUNITY' as const };
const facts = (overrides: Partial<PrivateMessageFacts> = {}): PrivateMessageFacts =>
  ({ askerId: '1', escalated: false, askerFlaggedForStaff: false, conversation: null, ...overrides });

describe('private conversations', () => {
  it('are read by the asker and employees only (a volunteer moderator is a community member)', () => {
    expect(mayReadPrivateConversation(asker, '1')).toBe(true);
    expect(mayReadPrivateConversation(employee, '1')).toBe(true);
    expect(mayReadPrivateConversation(otherMember, '1')).toBe(false);
  });

  it('are opened by employees at any time, by the asker once the question is with our team', () => {
    expect(privateMessageRefusal(employee, facts())).toBeNull();
    expect(privateMessageRefusal(asker, facts())?.code).toBe('FORBIDDEN');
    expect(privateMessageRefusal(asker, facts({ escalated: true }))).toBeNull();
    expect(privateMessageRefusal(asker, facts({ askerFlaggedForStaff: true }))).toBeNull();
    expect(privateMessageRefusal(otherMember, facts({ escalated: true }))?.code).toBe('FORBIDDEN');
  });

  it('take messages from both sides once open, until resolved', () => {
    expect(privateMessageRefusal(asker, facts({ conversation: { resolved: false } }))).toBeNull();
    expect(privateMessageRefusal(asker, facts({ conversation: { resolved: true } }))?.code).toBe('CONFLICT');
    expect(privateMessageRefusal(employee, facts({ conversation: { resolved: true } }))?.code).toBe('CONFLICT');
    expect(privateMessageRefusal(otherMember, facts({ conversation: { resolved: false } }))?.code).toBe('FORBIDDEN');
  });
});
