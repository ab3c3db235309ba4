/**
 * Posts may show images only from the hosts a deployment allows (IMAGE_HOSTS): an image from anywhere
 * else would tell that host who reads the page, and could change after a moderator looked. The API keeps
 * other images as links, and the web's Content-Security-Policy loads images from these hosts only.
 */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** IMAGE_HOSTS: host names separated by commas or spaces (`i.imgur.com, images.example.com`). */
export function parseImageHosts(value: string | undefined): { hosts: string[]; invalid: string[] } {
  const entries = (value ?? '').split(/[\s,]+/).map((entry) => entry.trim().toLowerCase()).filter(Boolean);
  return { hosts: [...new Set(entries.filter((entry) => HOST_NAME.test(entry)))], invalid: entries.filter((entry) => !HOST_NAME.test(entry)) };
}

/** An https image on an allowed host (exactly that host: a subdomain is another owner's). */
export function isAllowedImageSource(src: string | undefined, hosts: readonly string[]): boolean {
  if (!src) return false;
  try {
    const url = new URL(src);
    return url.protocol === 'https:' && url.port === '' && hosts.includes(url.hostname);
  } catch {
    return false;
  }
}
