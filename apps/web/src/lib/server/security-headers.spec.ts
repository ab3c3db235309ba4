import { withImageHosts } from './security-headers';

describe('withImageHosts', () => {
  const policy = "default-src 'self'; script-src 'self' 'nonce-abc'; img-src 'self' data:; frame-ancestors 'none'";

  it('adds each allowed host to img-src over https, and nothing else', () => {
    expect(withImageHosts(policy, ['i.imgur.com', 'images.example.com'])).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc'; img-src 'self' data: https://i.imgur.com https://images.example.com; frame-ancestors 'none'",
    );
  });

  it('leaves the policy alone when no host is allowed', () => {
    expect(withImageHosts(policy, [])).toBe(policy);
  });
});
