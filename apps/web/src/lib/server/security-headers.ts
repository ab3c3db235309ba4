/** Headers on every response: no type sniffing, no framing (old browsers), no full URLs sent to other sites. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/**
 * The Content-Security-Policy SvelteKit wrote (svelte.config.js, with this response's nonce) with the
 * image hosts of IMAGE_HOSTS added to img-src: the hosts are the deployment's, known at run time only.
 */
export function withImageHosts(policy: string, hosts: readonly string[]): string {
  if (hosts.length === 0) return policy;
  const sources = hosts.map((host) => `https://${host}`).join(' ');
  return policy
    .split(';')
    .map((directive) => (directive.trim().startsWith('img-src ') ? `${directive.trimEnd()} ${sources}` : directive))
    .join(';');
}
