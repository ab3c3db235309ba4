import { refusalMessage } from './refusal';

describe('refusalMessage', () => {
  it('says when to try again after a rate limit, in the API’s words', () => {
    const message = 'You have asked many questions in a short time. Please try again in 3 minutes.';
    expect(refusalMessage('RATE_LIMITED', message, { code: 'RATE_LIMITED', retryAfterSeconds: 150 })).toBe(message);
  });

  it('falls back to its own words where the API gives none a person needs', () => {
    expect(refusalMessage('RATE_LIMITED', 'Too many', {})).toBe('Too many attempts. Wait a minute and try again.');
    expect(refusalMessage('CONFLICT', 'serialization failure')).toBe('Someone changed this at the same time. Reload the page and try again.');
    expect(refusalMessage('FORBIDDEN', "You can't vote on your own post.")).toBe("You can't vote on your own post.");
  });
});
