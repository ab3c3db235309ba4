/** An origin no request can have: a `next` that resolves anywhere else names another site. */
const PLACEHOLDER_ORIGIN = 'http://peerdesk.invalid';

/**
 * A same-site path to return to after signing in; anything else goes home. Browsers read `/\host`,
 * `/\t/host` and `\\host` as another origin (backslashes are slashes, tabs and newlines vanish), so the
 * value is resolved the way a browser resolves it, and only a path on this site survives.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/')) return '/';
  let url: URL;
  try {
    url = new URL(next, PLACEHOLDER_ORIGIN);
  } catch {
    return '/';
  }
  if (url.origin !== PLACEHOLDER_ORIGIN || url.pathname.startsWith('//')) return '/';
  return url.pathname + url.search + url.hash;
}
